import { paginateQuery, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from './keys';

/** Every item a query matches, across pages, without key attributes. */
export async function queryAll<T>(client: DynamoDBDocumentClient, input: QueryCommandInput): Promise<T[]> {
  const items: T[] = [];
  for await (const page of paginateQuery({ client }, input)) items.push(...(page.Items ?? []).map((item) => withoutKeys<T>(item)));
  return items;
}
