/**
 * Runs at most `limit` of the given tasks at a time. The mail function uses it so a batch's
 * preparation (claims, reads) trickles into the paced sends instead of all of it queueing in
 * front of the first send.
 */
export function concurrencyLimit(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
