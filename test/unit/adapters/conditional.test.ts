import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { transactIfUnchanged, unlessConditionFails } from '../../../shared/adapters/dynamo/conditional';

const dynamo = mockClient(DynamoDBDocumentClient);
afterEach(() => dynamo.reset());

const conditionFailed = (item?: Record<string, unknown>) =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {}, ...(item ? { Item: item as never } : {}) });

describe('unlessConditionFails', () => {
  it("answers the write's own result when its condition holds", async () => {
    expect(await unlessConditionFails(async () => 'written', () => 'refused')).toBe('written');
  });

  it('turns a failed condition into the caller\'s answer, given the item as DynamoDB found it', async () => {
    const found = await unlessConditionFails(
      async () => {
        throw conditionFailed({ status: { S: 'cancelled' }, seq: { N: '7' } });
      },
      (current) => current,
    );
    expect(found).toEqual({ status: 'cancelled', seq: 7 });
    expect(await unlessConditionFails(async () => Promise.reject(conditionFailed()), (current) => current ?? 'nothing')).toBe('nothing');
  });

  it('throws every other error', async () => {
    await expect(unlessConditionFails(async () => Promise.reject(new Error('ProvisionedThroughputExceededException')), () => 'refused')).rejects.toThrow('ProvisionedThroughputExceededException');
  });
});

describe('transactIfUnchanged', () => {
  const command = new TransactWriteCommand({ TransactItems: [] });
  const cancelled = (code: string) => new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'None' }, { Code: code }] });

  it('answers success, or changed when a condition failed, and retries a conflict', async () => {
    dynamo.on(TransactWriteCommand).rejectsOnce(cancelled('TransactionConflict')).resolves({});
    expect(await transactIfUnchanged(dynamo as unknown as DynamoDBDocumentClient, command, 'released')).toBe('released');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);

    dynamo.reset();
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed'));
    expect(await transactIfUnchanged(dynamo as unknown as DynamoDBDocumentClient, command, 'released')).toBe('changed');
  });
});
