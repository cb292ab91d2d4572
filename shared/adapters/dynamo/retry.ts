import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';

const MAX_ATTEMPTS = 12;
const BASE_DELAY_MS = 15;
const MAX_DELAY_MS = 800;

/** How retries wait; the sell-out bench replaces it with its virtual clock. */
export const pauses = { sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)) };

/** Full-jitter backoff: a random wait up to BASE_DELAY_MS doubled per attempt, at most MAX_DELAY_MS. */
export const backoff = (attempt: number): Promise<void> => pauses.sleep(Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));

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

/**
 * Runs a transaction whose conditions re-check what the caller read: conflicts are retried, a
 * failed condition means the state moved on and is answered `changed` for the caller to read again.
 */
export async function transactIfUnchanged<T extends string>(client: DynamoDBDocumentClient, command: TransactWriteCommand, success: T): Promise<T | 'changed'> {
  try {
    await retryOnTransactionConflict(() => client.send(command));
    return success;
  } catch (error) {
    if (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed')) return 'changed';
    throw error;
  }
}
