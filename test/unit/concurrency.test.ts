import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from '../../shared/triggers/concurrency';

describe('concurrencyLimit', () => {
  it('never runs more than the limit at once, and runs everything', async () => {
    const limited = concurrencyLimit(3);
    let running = 0;
    let most = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        limited(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 2));
          running--;
          return index;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });

  it('frees the slot when a task fails', async () => {
    const limited = concurrencyLimit(1);
    await expect(limited(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limited(async () => 'next')).resolves.toBe('next');
  });
});
