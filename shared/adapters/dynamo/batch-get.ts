import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { fullJitter } from '../pauses';

const MAX_KEYS_PER_REQUEST = 100;
const MAX_ROUNDS = 8;
const BASE_DELAY_MS = 50;
const MAX_DELAY_MS = 2000;

type Item = Record<string, NativeAttributeValue>;
type Key = Record<string, NativeAttributeValue>;

export interface BatchGetOptions {
  consistent?: boolean;
  projection?: { expression: string; names?: Record<string, string> };
  /** Waits between rounds; tests pass one that does not sleep. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Every item of `keys` that exists, 100 keys per request. Under throttling DynamoDB answers a
 * BatchGet in part and returns the rest as UnprocessedKeys, which the SDK does not retry: they
 * are asked again with full-jitter backoff, and if some still remain the call fails rather
 * than report an existing item as missing.
 */
export async function batchGetAll(client: DynamoDBDocumentClient, tableName: string, keys: Key[], options: BatchGetOptions = {}): Promise<Item[]> {
  const found: Item[] = [];
  for (let start = 0; start < keys.length; start += MAX_KEYS_PER_REQUEST) {
    let pending: Key[] = keys.slice(start, start + MAX_KEYS_PER_REQUEST);
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_ROUNDS) throw new Error(`BatchGet left ${pending.length} key(s) unprocessed after ${MAX_ROUNDS} rounds`);
      if (round > 0) await fullJitter(round, { baseMs: BASE_DELAY_MS, maxMs: MAX_DELAY_MS }, options.sleep);
      const { Responses, UnprocessedKeys } = await client.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: {
              Keys: pending,
              ...(options.consistent ? { ConsistentRead: true } : {}),
              ...(options.projection ? { ProjectionExpression: options.projection.expression, ExpressionAttributeNames: options.projection.names } : {}),
            },
          },
        }),
      );
      found.push(...(Responses?.[tableName] ?? []));
      pending = (UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
    }
  }
  return found;
}
