import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Mailing } from '../../domain/mailing';
import { mailingItem } from './mailing-repository';
import type { EventRecord } from '../../domain/event';
import { documentClient } from './client';
import { keys, withoutKeys } from './keys';
import { queryAll } from './query-all';

/**
 * How long a warm function instance may reuse an event it read. Only decisions that a
 * transaction condition re-checks may rely on it (placement, window, existence), so staleness
 * costs at most a retried transaction, never a wrong outcome. It spares the hot event item a
 * read per registration during a rush.
 */
const HINT_TTL_MS = 1000;
const HINT_CACHE_SIZE = 256;

export class EventRepository {
  private readonly hints = new Map<string, { expiresAt: number; event: Promise<EventRecord | undefined> }>();

  constructor(
    private readonly tableName: string,
    private readonly client = documentClient,
  ) {}

  /** A recent copy of the event, shared by concurrent callers; see HINT_TTL_MS for what it may decide. */
  getHint(eventId: string): Promise<EventRecord | undefined> {
    const cached = this.hints.get(eventId);
    if (cached && cached.expiresAt > Date.now()) return cached.event;
    const event = this.get(eventId);
    this.store(eventId, event);
    // A missing event or a failed read is never remembered.
    event.then((found) => found ?? this.hints.delete(eventId)).catch(() => this.hints.delete(eventId));
    return event;
  }

  /** Refreshes the hint with a state DynamoDB just returned (a condition failure's ALL_OLD). */
  remember(event: EventRecord): void {
    this.store(event.id, Promise.resolve(event));
  }

  private store(eventId: string, event: Promise<EventRecord | undefined>) {
    this.hints.delete(eventId);
    if (this.hints.size >= HINT_CACHE_SIZE) this.hints.delete(this.hints.keys().next().value!);
    this.hints.set(eventId, { expiresAt: Date.now() + HINT_TTL_MS, event });
  }

  /**
   * Writes an organiser's changes. Conditioned on the version that was read (updatedAt) and on
   * capacity staying at or above the seats given, so it never overwrites a concurrent change.
   */
  async update(previous: EventRecord, next: EventRecord): Promise<'updated' | 'changed'> {
    const fields = {
      title: next.title,
      description: next.description,
      startsAt: next.startsAt,
      endsAt: next.endsAt,
      timeZone: next.timeZone,
      venue: next.venue,
      capacity: next.capacity,
      waitlistEnabled: next.waitlistEnabled,
      registrationClosesAt: next.registrationClosesAt,
      language: next.language,
      programme: next.programme,
      promotionCutoff: next.promotionCutoff,
      promotionCutoffAt: next.promotionCutoffAt,
      reminders: next.reminders,
      certificate: next.certificate,
      calendarSequence: next.calendarSequence,
      updatedAt: next.updatedAt,
      GSI1SK: keys.eventByOrganisation(next.organisationId, next.startsAt, next.id).GSI1SK,
      ...(next.registrationOpensAt ? { registrationOpensAt: next.registrationOpensAt } : {}),
    };
    const present = Object.entries(fields).filter(([, value]) => value !== undefined);
    const removed = ['description', 'registrationOpensAt'].filter((name) => !present.some(([key]) => key === name));
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.event(next.id),
          UpdateExpression: `SET ${present.map(([name]) => `#${name} = :${name}`).join(', ')}${removed.length ? ` REMOVE ${removed.map((name) => `#${name}`).join(', ')}` : ''}`,
          ConditionExpression: 'updatedAt = :previousVersion AND confirmedCount <= :capacity',
          ExpressionAttributeNames: Object.fromEntries([...present.map(([name]) => name), ...removed].map((name) => [`#${name}`, name])),
          ExpressionAttributeValues: { ...Object.fromEntries(present.map(([name, value]) => [`:${name}`, value])), ':previousVersion': previous.updatedAt },
        }),
      );
      this.hints.delete(next.id);
      return 'updated';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'changed';
      throw error;
    }
  }

  async waitlistOf(eventId: string): Promise<string[] | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.event(eventId), ConsistentRead: true, ProjectionExpression: 'waitlist' }),
    );
    return Item ? (Item.waitlist as string[]) : undefined;
  }

  /** The event and its scheduled mailings (reminders), together or not at all. */
  async create(event: EventRecord, mailings: Mailing[] = []): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.event(event.id), ...keys.eventByOrganisation(event.organisationId, event.startsAt, event.id), entity: 'event', ...event },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...mailings.map((mailing) => ({ Put: { TableName: this.tableName, Item: mailingItem(mailing) } })),
        ],
      }),
    );
  }

  /** Marks the event cancelled; false if it already was. */
  async markCancelled(eventId: string, now: Date): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.event(eventId),
          UpdateExpression: 'SET cancelledAt = :now, updatedAt = :now',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(cancelledAt)',
          ExpressionAttributeValues: { ':now': now.toISOString() },
        }),
      );
      this.hints.delete(eventId);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
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
    return queryAll<EventRecord>(this.client, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.organisationEvents(organisationId) },
    });
  }

}
