import { backoff, isTransactionConflict } from './dynamo/retry';

const THROTTLING = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'Throttling',
  'LimitExceededException',
]);

const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);

/**
 * Failures that say "not now" rather than "never": AWS throttled us, a call timed out, or a
 * hot item stayed contended beyond our retries. Nothing was written, so asking the client to
 * try again shortly is both honest and safe.
 */
export function isTransientAwsError(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name ?? '';
  return THROTTLING.has(name) || TIMEOUTS.has(name) || isTransactionConflict(error);
}

/**
 * Runs work that cannot be given up on a passing failure, because something already happened
 * (a transaction committed, SES accepted a mail): a transient failure or a server fault (5xx)
 * is tried again with backoff, up to `attempts` tries in all; anything else is thrown at once.
 */
export async function retryTransient<T>(operation: () => Promise<T>, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const serverFault = (error as { $fault?: string } | undefined)?.$fault === 'server';
      if (!(isTransientAwsError(error) || serverFault) || attempt >= attempts) throw error;
      await backoff(attempt);
    }
  }
}
