import { setTimeout as wait } from 'node:timers/promises';

/**
 * How everything in the functions waits between attempts: one place, so the sell-out bench can
 * put its virtual clock in and tests a wait that does not wait.
 */
export const pauses = { sleep: async (ms: number): Promise<void> => void (await wait(ms)) };

/** Full-jitter backoff: a random wait up to `baseMs` doubled per attempt, at most `maxMs`. */
export const fullJitter = (attempt: number, limits: { baseMs: number; maxMs: number }, sleep = pauses.sleep): Promise<void> =>
  sleep(Math.random() * Math.min(limits.maxMs, limits.baseMs * 2 ** attempt));
