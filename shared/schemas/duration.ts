import { isDurationWithin, isIsoDuration, type DurationBounds } from '../domain/durations';
import * as z from './zod';

/** Apart from common.ts: it brings the time-zone arithmetic, which only the event-editing functions need. */
export const isoDuration = z.string().check(z.refine(isIsoDuration, { error: 'must be an ISO 8601 duration, like PT2H or P1D' }));

/**
 * A duration within bounds: not empty ("PT"), not negative, not absurdly long (which would also
 * run the dates derived from it past the year 9999). Each check runs only on text the one before
 * it passed, so none of them throws on text that is not a duration.
 */
export const boundedDuration = (bounds: DurationBounds) =>
  isoDuration.check(
    z.refine((value) => !isIsoDuration(value) || !value.includes('-'), { error: 'must not be negative' }),
    z.refine((value) => !isIsoDuration(value) || value.includes('-') || isDurationWithin(value, bounds), {
      error: `must be ${bounds.exclusiveMin ? 'more than' : 'at least'} ${bounds.min} and at most ${bounds.max}`,
    }),
  );
