import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { MAX_WAITLIST_LENGTH, type EventRecord, type Placement } from '../../domain/event';
import type { OutboxMail } from '../../domain/mail';
import { normaliseEmail, type Registration } from '../../domain/registration';
import { documentClient } from './client';
import { batchGetAll } from './batch-get';
import { keys, withoutKeys } from './keys';
import { outboxPut } from './mail-outbox';
import { queryPartition } from './query-all';
import { ttlSeconds } from './ttl';
import { retryOnTransactionConflict } from './retry';

export interface CancellationPlan {
  registration: Registration;
  /** Where a waitlisted registration stands in the event's waitlist, as read. */
  waitlistIndex?: number;
  mails: OutboxMail[];
  now: Date;
}

export interface PromotionPlan {
  event: EventRecord;
  /** The first N of the waitlist as read, in order. */
  heads: string[];
  mails: OutboxMail[];
  now: Date;
}

/** Most promotions in one transaction: each takes two items, the event one more (limit 100). */
export const MAX_PROMOTIONS_PER_TRANSACTION = 40;

export type CreateRegistrationResult =
  | { outcome: 'created' }
  | { outcome: 'email-taken' }
  | { outcome: 'event-changed'; event: EventRecord | undefined };

/** Indexes of the items in the registration transaction, to read its cancellation reasons. */
const EMAIL_LOCK = 0;
const EVENT = 2;

export class RegistrationRepository {
  constructor(
    private readonly tableName: string,
    private readonly client = documentClient,
  ) {}

  /**
   * Writes the registration, its email lock, the seat or waitlist place on the event and the
   * mail to send, all or nothing. The event condition re-checks the placement the caller chose,
   * so capacity and waitlist order hold under any concurrency without a read-then-write race.
   */
  async create(registration: Registration, placement: Placement, mail: OutboxMail): Promise<CreateRegistrationResult> {
    // The registration window is part of the condition, so a caller may decide on a cached event.
    const openNow =
      'attribute_exists(PK) AND attribute_not_exists(cancelledAt) AND registrationClosesAt > :now AND (attribute_not_exists(registrationOpensAt) OR registrationOpensAt <= :now)';
    const eventUpdate =
      placement === 'confirmed'
        ? {
            UpdateExpression: 'SET confirmedCount = confirmedCount + :one',
            ConditionExpression: `${openNow} AND confirmedCount < #capacity AND (size(waitlist) = :zero OR promotionCutoffAt <= :now)`,
            ExpressionAttributeNames: { '#capacity': 'capacity' },
            ExpressionAttributeValues: { ':now': registration.createdAt, ':one': 1, ':zero': 0 },
          }
        : {
            UpdateExpression: 'SET waitlist = list_append(waitlist, :me)',
            ConditionExpression: `${openNow} AND waitlistEnabled = :true AND size(waitlist) < :max AND promotionCutoffAt > :now AND (confirmedCount >= #capacity OR size(waitlist) > :zero)`,
            ExpressionAttributeNames: { '#capacity': 'capacity' },
            ExpressionAttributeValues: {
              ':now': registration.createdAt,
              ':me': [registration.registrationId],
              ':true': true,
              ':max': MAX_WAITLIST_LENGTH,
              ':zero': 0,
            },
          };

    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.emailLock(registration.eventId, normaliseEmail(registration.email)),
              entity: 'email-lock',
              registrationId: registration.registrationId,
              expiresAt: ttlSeconds(registration.retainUntil),
            },
            // A lock released by a cancellation is taken over: the address may register again.
            ConditionExpression: 'attribute_not_exists(PK) OR attribute_exists(releasedAt)',
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.registration(registration.eventId, registration.registrationId),
              ...keys.registrationById(registration.registrationId),
              entity: 'registration',
              ...registration,
              expiresAt: ttlSeconds(registration.retainUntil),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: keys.event(registration.eventId),
            ...eventUpdate,
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        outboxPut(this.tableName, mail),
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.checkInCode(registration.eventId, registration.checkInCode),
              entity: 'check-in-code',
              registrationId: registration.registrationId,
              expiresAt: ttlSeconds(registration.retainUntil),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ],
    });

    try {
      await retryOnTransactionConflict(() => this.client.send(command));
      return { outcome: 'created' };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[EMAIL_LOCK]?.Code === 'ConditionalCheckFailed') return { outcome: 'email-taken' };
      const eventReason = reasons[EVENT];
      if (eventReason?.Code === 'ConditionalCheckFailed') {
        const item = eventReason.Item ? unmarshall(eventReason.Item) : undefined;
        return { outcome: 'event-changed', event: item ? withoutKeys<EventRecord>(item) : undefined };
      }
      throw error;
    }
  }

  /**
   * Cancels, all or nothing: the registration, its email lock, its seat or waitlist place and
   * the cancellation mail. A freed seat stays reserved for the waitlist (registrations cannot
   * take a seat while people wait), and promote() hands it on.
   */
  async cancel(plan: CancellationPlan): Promise<'cancelled' | 'changed'> {
    const { registration, now } = plan;
    const at = now.toISOString();
    const eventUpdate =
      registration.status === 'waitlisted'
        ? {
            UpdateExpression: `SET cancelledCount = cancelledCount + :one REMOVE waitlist[${plan.waitlistIndex}]`,
            ConditionExpression: `waitlist[${plan.waitlistIndex}] = :me`,
            ExpressionAttributeValues: { ':one': 1, ':me': registration.registrationId },
          }
        : {
            UpdateExpression: 'SET confirmedCount = confirmedCount - :one, cancelledCount = cancelledCount + :one',
            ExpressionAttributeValues: { ':one': 1 },
          };

    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.registration(registration.eventId, registration.registrationId),
            UpdateExpression: 'SET #status = :cancelled, cancelledAt = :now',
            ConditionExpression: '#status = :was',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':cancelled': 'cancelled', ':now': at, ':was': registration.status },
          },
        },
        {
          // Frees the address (a cancelled person may register again) by marking the lock
          // released rather than deleting it: the public cancellation path has no DeleteItem grant.
          Update: {
            TableName: this.tableName,
            Key: keys.emailLock(registration.eventId, normaliseEmail(registration.email)),
            UpdateExpression: 'SET releasedAt = :now',
            ConditionExpression: 'registrationId = :id AND attribute_not_exists(releasedAt)',
            ExpressionAttributeValues: { ':id': registration.registrationId, ':now': at },
          },
        },
        { Update: { TableName: this.tableName, Key: keys.event(registration.eventId), ...eventUpdate } },
        ...plan.mails.map((mail) => outboxPut(this.tableName, mail)),
      ],
    });
    return this.conditional(command, 'cancelled');
  }

  /** Gives free seats to the first people on the waitlist, all or nothing. */
  async promote(plan: PromotionPlan): Promise<'promoted' | 'changed'> {
    const { event, heads, now } = plan;
    const at = now.toISOString();
    const headConditions = heads.map((_, index) => `waitlist[${index}] = :head${index}`).join(' AND ');
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.event(event.id),
            UpdateExpression: `SET confirmedCount = confirmedCount + :count REMOVE ${heads.map((_, index) => `waitlist[${index}]`).join(', ')}`,
            ConditionExpression: `${headConditions} AND #capacity = :capacity AND confirmedCount <= :most AND promotionCutoffAt > :now`,
            ExpressionAttributeNames: { '#capacity': 'capacity' },
            ExpressionAttributeValues: {
              ...Object.fromEntries(heads.map((id, index) => [`:head${index}`, id])),
              ':count': heads.length,
              ':capacity': event.capacity,
              ':most': event.capacity - heads.length,
              ':now': at,
            },
          },
        },
        ...heads.map((registrationId) => this.promotionItem(event.id, registrationId, at)),
        ...plan.mails.map((mail) => outboxPut(this.tableName, mail)),
      ],
    });
    return this.conditional(command, 'promoted');
  }

  private promotionItem(eventId: string, registrationId: string, at: string) {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.registration(eventId, registrationId),
        UpdateExpression: 'SET #status = :confirmed, promotedAt = :now',
        ConditionExpression: '#status = :waitlisted',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':confirmed': 'confirmed', ':waitlisted': 'waitlisted', ':now': at },
      },
    };
  }

  private async conditional<T extends string>(command: TransactWriteCommand, success: T): Promise<T | 'changed'> {
    try {
      await retryOnTransactionConflict(() => this.client.send(command));
      return success;
    } catch (error) {
      if (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed')) {
        return 'changed';
      }
      throw error;
    }
  }

  /**
   * Marks a confirmed registration as checked in (the first time counts), or undoes it.
   * Returns the registration as it is now, or undefined if it does not exist.
   */
  /** Checks in at `at` unless an earlier check-in is recorded (the earliest is kept), or out. */
  async setCheckedIn(eventId: string, registrationId: string, checkedIn: boolean, at: Date): Promise<Registration | 'not-confirmed' | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.registration(eventId, registrationId),
          UpdateExpression: checkedIn ? 'SET checkedInAt = :at' : 'REMOVE checkedInAt',
          ConditionExpression: checkedIn ? 'attribute_exists(PK) AND #status = :confirmed AND (attribute_not_exists(checkedInAt) OR checkedInAt > :at)' : 'attribute_exists(PK)',
          ExpressionAttributeNames: checkedIn ? { '#status': 'status' } : undefined,
          ExpressionAttributeValues: checkedIn ? { ':at': at.toISOString(), ':confirmed': 'confirmed' } : undefined,
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return withoutKeys<Registration>(Attributes!);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (!error.Item) return undefined;
      const current = withoutKeys<Registration>(unmarshall(error.Item as never));
      // Confirmed and already checked in earlier: that earlier time stands.
      return current.status === 'confirmed' && current.checkedInAt ? current : 'not-confirmed';
    }
  }

  async findByCheckInCode(eventId: string, code: string): Promise<string | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.checkInCode(eventId, code), ConsistentRead: true }));
    return Item ? String(Item.registrationId) : undefined;
  }

  /** The event a registration belongs to, found by the registration id alone (the personal link). */
  async findById(registrationId: string): Promise<Registration | undefined> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK = :sk',
        ExpressionAttributeValues: { ':pk': keys.registrationById(registrationId).GSI1PK, ':sk': keys.registrationById(registrationId).GSI1SK },
      }),
    );
    const found = Items?.[0];
    // The index is eventually consistent; the table has the current state.
    return found ? this.get(String(found.eventId), registrationId) : undefined;
  }

  async addAccessTokenHash(eventId: string, registrationId: string, hash: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.registration(eventId, registrationId),
        UpdateExpression: 'SET accessTokenHashes = list_append(if_not_exists(accessTokenHashes, :none), :hash)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':none': [], ':hash': [hash] },
      }),
    );
  }

  /** The registration and its event in one consistent round trip, for rendering its mail. */
  async getWithEvent(eventId: string, registrationId: string): Promise<{ registration?: Registration; event?: EventRecord }> {
    const items = await batchGetAll(this.client, this.tableName, [keys.registration(eventId, registrationId), keys.event(eventId)], { consistent: true });
    const registration = items.find((item) => item.SK !== 'EVENT');
    const event = items.find((item) => item.SK === 'EVENT');
    return { registration: registration && withoutKeys<Registration>(registration), event: event && withoutKeys<EventRecord>(event) };
  }

  async get(eventId: string, registrationId: string): Promise<Registration | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.registration(eventId, registrationId), ConsistentRead: true }),
    );
    return Item ? withoutKeys<Registration>(Item) : undefined;
  }

  async listByEvent(eventId: string): Promise<Registration[]> {
    return queryPartition<Registration>(this.client, this.tableName, keys.registrationsOfEvent(eventId));
  }


}
