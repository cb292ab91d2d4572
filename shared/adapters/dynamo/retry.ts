import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { fullJitter } from '../pauses';

const MAX_ATTEMPTS = 12;
const BASE_DELAY_MS = 15;
const MAX_DELAY_MS = 800;

export const backoff = (attempt: number): Promise<void> => fullJitter(attempt, { baseMs: BASE_DELAY_MS, maxMs: MAX_DELAY_MS });

/**
 * A hot item stayed contended through every retry: answered like DynamoDB's own conflict
 * (503 with Retry-After), since nothing was written.
 */
export class StillContended extends Error {
  override name = 'TransactionConflictException';
}

export function isTransactionConflict(error: unknown): boolean {
  if (error instanceof TransactionCanceledException || (error as Error | undefined)?.name === 'TransactionCanceledException') {
    return ((error as TransactionCanceledException).CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict');
  }
  return (error as Error | undefined)?.name === 'TransactionConflictException';
}

/**
 * Transactions on a hot item (the event under a rush) collide; DynamoDB then cancels one with a
 * TransactionConflict that the SDK does not retry. Full-jitter backoff spreads the retries.
 */
export async function retryOnTransactionConflict<T>(operation: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
      await backoff(attempt);
    }
  }
}
