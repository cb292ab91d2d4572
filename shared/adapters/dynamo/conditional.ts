import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { retryOnTransactionConflict } from './retry';

/**
 * Runs a write whose condition may not hold. A failed condition is an answer, not an error:
 * `otherwise` says what it means, given the item as DynamoDB found it when the write asked for
 * it (ReturnValuesOnConditionCheckFailure: ALL_OLD). Every other error is thrown.
 */
export async function unlessConditionFails<T, F>(write: () => Promise<T>, otherwise: (current: Record<string, unknown> | undefined) => F): Promise<T | F> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return otherwise(error.Item ? unmarshall(error.Item as never) : undefined);
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
