import * as z from 'zod';
import { isIsoDuration } from '../domain/durations';

/** Apart from common.ts: it brings Luxon, which only the event-editing functions need. */
export const isoDuration = z.string().refine(isIsoDuration, { error: 'must be an ISO 8601 duration, like PT2H or P1D' });
