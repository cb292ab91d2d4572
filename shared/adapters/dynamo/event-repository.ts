import { GetCommand, PutCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { EventRecord } from '../../domain/event';
import { documentClient } from './client';
import { keys, withoutKeys } from './keys';

export class EventRepository {
  constructor(
    private readonly tableName: string,
    private readonly client = documentClient,
  ) {}

  async create(event: EventRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.event(event.id),
          ...keys.eventByOrganisation(event.organisationId, event.startsAt, event.id),
          entity: 'event',
          ...event,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async get(eventId: string, options: { consistent?: boolean } = {}): Promise<EventRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.event(eventId), ConsistentRead: options.consistent ?? false }),
    );
    return Item ? withoutKeys<EventRecord>(Item) : undefined;
  }

  /** An event of another organisation is treated exactly like one that does not exist. */
  async getOwned(eventId: string, organisationId: string): Promise<EventRecord | undefined> {
    const event = await this.get(eventId, { consistent: true });
    return event?.organisationId === organisationId ? event : undefined;
  }

  async listByOrganisation(organisationId: string): Promise<EventRecord[]> {
    const events: EventRecord[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.organisationEvents(organisationId) },
      },
    );
    for await (const page of pages) events.push(...(page.Items ?? []).map((item) => withoutKeys<EventRecord>(item)));
    return events;
  }
}
