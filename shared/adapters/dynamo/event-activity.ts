import { DeleteCommand, GetCommand, UpdateCommand, paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MailDelivery, Registration } from '../../domain/registration';
import { documentClient } from './client';
import { keys } from './keys';
import { ttlSeconds } from './ttl';

/** The hold of an unconfirmed registration, written in its registration's transaction. */
export function addressHoldItem(registration: Registration & { confirmBy: string }) {
  return {
    ...keys.addressHold(registration.eventId, registration.registrationId),
    ...keys.holdQueueEntry(registration.confirmBy, registration.eventId, registration.registrationId),
    entity: 'address-hold',
    eventId: registration.eventId,
    registrationId: registration.registrationId,
    confirmBy: registration.confirmBy,
    expiresAt: ttlSeconds(registration.retainUntil),
  };
}

/** One more mail with this outcome in the event's counts: alone (a suppression) or in the feedback's transaction. */
export const mailOutcomeCount = (tableName: string, eventId: string, outcome: string) => ({
  TableName: tableName,
  Key: keys.mailOutcomes(eventId),
  UpdateExpression: 'ADD #outcome :one SET entity = :entity',
  ExpressionAttributeNames: { '#outcome': outcome },
  ExpressionAttributeValues: { ':one': 1, ':entity': 'mail-outcomes' },
});

export type MailOutcomeCounts = Record<MailDelivery, number>;
const NO_OUTCOMES: MailOutcomeCounts = { delivered: 0, bounced: 0, complained: 0, suppressed: 0 };

/**
 * What the organiser's counts add to the seat counters: registrations awaiting address
 * confirmation, and what became of the event's mail. Neither is on a registration's hot path
 * except the hold item itself.
 */
export class EventActivity {
  constructor(
    private readonly tableName: string,
    private readonly client: DynamoDBDocumentClient = documentClient,
  ) {}

  /** Holds are about 200 bytes: a read unit counts some 20 of them. */
  async pendingCount(eventId: string): Promise<number> {
    const { PK, skPrefix } = keys.addressHolds(eventId);
    let total = 0;
    const pages = paginateQuery(
      { client: this.client },
      { TableName: this.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': PK, ':prefix': skPrefix }, Select: 'COUNT' },
    );
    for await (const page of pages) total += page.Count ?? 0;
    return total;
  }

  async mailOutcomes(eventId: string): Promise<MailOutcomeCounts> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.mailOutcomes(eventId) }));
    return { ...NO_OUTCOMES, ...Object.fromEntries(Object.keys(NO_OUTCOMES).filter((name) => Item?.[name] !== undefined).map((name) => [name, Number(Item![name])])) };
  }

  async countMailOutcome(eventId: string, outcome: MailDelivery): Promise<void> {
    await this.client.send(new UpdateCommand(mailOutcomeCount(this.tableName, eventId, outcome)));
  }

  /** Holds that lapsed by `now`, oldest first. */
  async lapsedHolds(now: Date, limit: number): Promise<Array<{ eventId: string; registrationId: string }>> {
    const lapsed: Array<{ eventId: string; registrationId: string }> = [];
    const pages = paginateQuery(
      { client: this.client, pageSize: Math.min(limit, 100) },
      {
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :queue AND GSI1SK <= :now',
        ExpressionAttributeValues: { ':queue': keys.holdQueue, ':now': `${now.toISOString()}#~` },
        ProjectionExpression: 'eventId, registrationId',
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) lapsed.push({ eventId: String(item.eventId), registrationId: String(item.registrationId) });
      if (lapsed.length >= limit) break;
    }
    return lapsed.slice(0, limit);
  }

  /** A hold whose registration is gone or confirmed (a race the sweep may see): nothing left to release. */
  async dropHold(eventId: string, registrationId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.addressHold(eventId, registrationId) }));
  }
}
