import { isIsoDuration } from '../domain/durations';
import * as z from './zod';

/** Apart from common.ts: it brings the time-zone arithmetic, which only the event-editing functions need. */
export const isoDuration = z.string().check(z.refine(isIsoDuration, { error: 'must be an ISO 8601 duration, like PT2H or P1D' }));
