import { isTransactionConflict } from './dynamo/retry';

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
