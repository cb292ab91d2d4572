import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { batchGetAll } from '../../../shared/adapters/dynamo/batch-get';

const dynamo = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const noWait = async () => {};

afterEach(() => dynamo.reset());

const key = (n: number) => ({ PK: `MAIL#${n}`, SK: 'MAIL' });

describe('batchGetAll', () => {
  it('asks again for unprocessed keys until every item is read', async () => {
    dynamo
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { t: [{ ...key(1), status: 'sent' }] }, UnprocessedKeys: { t: { Keys: [key(2), key(3)] } } })
      .resolvesOnce({ Responses: { t: [{ ...key(2), status: 'sent' }] }, UnprocessedKeys: { t: { Keys: [key(3)] } } })
      .resolves({ Responses: { t: [{ ...key(3), status: 'failed' }] } });

    const items = await batchGetAll(client, 't', [key(1), key(2), key(3)], { sleep: noWait });

    expect(items.map((item) => item.PK)).toEqual(['MAIL#1', 'MAIL#2', 'MAIL#3']);
    expect(dynamo.commandCalls(BatchGetCommand).map((call) => call.args[0].input.RequestItems!.t!.Keys)).toEqual([
      [key(1), key(2), key(3)],
      [key(2), key(3)],
      [key(3)],
    ]);
  });

  it('splits more than 100 keys into requests of at most 100', async () => {
    dynamo.on(BatchGetCommand).resolves({ Responses: { t: [] } });

    await batchGetAll(client, 't', Array.from({ length: 250 }, (_, n) => key(n)), { sleep: noWait });

    expect(dynamo.commandCalls(BatchGetCommand).map((call) => call.args[0].input.RequestItems!.t!.Keys!.length)).toEqual([100, 100, 50]);
  });

  it('fails rather than report items as missing when keys stay unprocessed', async () => {
    dynamo.on(BatchGetCommand).resolves({ Responses: { t: [] }, UnprocessedKeys: { t: { Keys: [key(1)] } } });

    await expect(batchGetAll(client, 't', [key(1)], { sleep: noWait })).rejects.toThrow('BatchGet left 1 key(s) unprocessed after 8 rounds');
  });

  it('passes consistency and projection through', async () => {
    dynamo.on(BatchGetCommand).resolves({ Responses: { t: [] } });

    await batchGetAll(client, 't', [key(1)], { consistent: true, projection: { expression: '#status', names: { '#status': 'status' } }, sleep: noWait });

    expect(dynamo.commandCalls(BatchGetCommand)[0]!.args[0].input.RequestItems!.t).toEqual({
      Keys: [key(1)],
      ConsistentRead: true,
      ProjectionExpression: '#status',
      ExpressionAttributeNames: { '#status': 'status' },
    });
  });
});
