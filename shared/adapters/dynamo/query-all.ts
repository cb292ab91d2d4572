import { paginateQuery, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from './keys';

/** Every item a query matches, across pages, without key attributes unless asked to keep them. */
export async function queryAll<T>(client: DynamoDBDocumentClient, input: QueryCommandInput, options: { keepKeys?: boolean } = {}): Promise<T[]> {
  const items: T[] = [];
  for await (const page of paginateQuery({ client }, input)) items.push(...(page.Items ?? []).map((item) => (options.keepKeys ? (item as T) : withoutKeys<T>(item))));
  return items;
}

/** Every item of one partition whose sort key starts with a prefix (an event's seat counters, mailings, certificates). */
export function queryPartition<T>(
  client: DynamoDBDocumentClient,
  tableName: string,
  key: { PK: string; skPrefix: string },
  options: { consistent?: boolean; keepKeys?: boolean } = {},
): Promise<T[]> {
  return queryAll<T>(
    client,
    {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': key.PK, ':prefix': key.skPrefix },
      ConsistentRead: options.consistent ?? true,
    },
    options,
  );
}
