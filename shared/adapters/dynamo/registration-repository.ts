import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, TransactWriteCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { MAX_WAITLIST_LENGTH, type EventRecord, type Placement } from '../../domain/event';
import type { OutboxMail } from '../../domain/mail';
import { normaliseEmail, type Registration } from '../../domain/registration';
import { documentClient } from './client';
import { keys, withoutKeys } from './keys';
import { outboxItem } from './mail-outbox';
import { retryOnTransactionConflict } from './retry';

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
      'attribute_exists(PK) AND registrationClosesAt > :now AND (attribute_not_exists(registrationOpensAt) OR registrationOpensAt <= :now)';
    const eventUpdate =
      placement === 'confirmed'
        ? {
            UpdateExpression: 'SET confirmedCount = confirmedCount + :one',
            ConditionExpression: `${openNow} AND confirmedCount < #capacity AND size(waitlist) = :zero`,
            ExpressionAttributeNames: { '#capacity': 'capacity' },
            ExpressionAttributeValues: { ':now': registration.createdAt, ':one': 1, ':zero': 0 },
          }
        : {
            UpdateExpression: 'SET waitlist = list_append(waitlist, :me)',
            ConditionExpression: `${openNow} AND waitlistEnabled = :true AND size(waitlist) < :max AND (confirmedCount >= #capacity OR size(waitlist) > :zero)`,
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
            Item: { ...keys.emailLock(registration.eventId, normaliseEmail(registration.email)), entity: 'email-lock', registrationId: registration.registrationId },
            ConditionExpression: 'attribute_not_exists(PK)',
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
        { Put: { TableName: this.tableName, Item: outboxItem(mail), ConditionExpression: 'attribute_not_exists(PK)' } },
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

  /** The registration and its event in one consistent round trip, for rendering its mail. */
  async getWithEvent(eventId: string, registrationId: string): Promise<{ registration?: Registration; event?: EventRecord }> {
    const { Responses } = await this.client.send(
      new BatchGetCommand({
        RequestItems: { [this.tableName]: { Keys: [keys.registration(eventId, registrationId), keys.event(eventId)], ConsistentRead: true } },
      }),
    );
    const items = Responses?.[this.tableName] ?? [];
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
    const { PK, skPrefix } = keys.registrationsOfEvent(eventId);
    const registrations: Registration[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': PK, ':prefix': skPrefix },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) registrations.push(...(page.Items ?? []).map((item) => withoutKeys<Registration>(item)));
    return registrations;
  }
}
