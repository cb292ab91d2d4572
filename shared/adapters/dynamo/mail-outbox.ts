import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { MAX_MAIL_ATTEMPTS, nextAttemptAt, type OutboxMail } from '../../domain/mail';
import { documentClient } from './client';
import { keys, withoutKeys } from './keys';
import { queryAll } from './query-all';

/** Delivered mail records are kept a while for the organiser's view, then DynamoDB expires them. */
const OUTBOX_RETENTION_SECONDS = 90 * 24 * 3600;

export function outboxItem(mail: OutboxMail) {
  return {
    ...keys.mail(mail.mailId),
    entity: 'mail',
    ...mail,
    expiresAt: Math.floor(Date.parse(mail.createdAt) / 1000) + OUTBOX_RETENTION_SECONDS,
  };
}

export type ReleaseOutcome = 'retry-scheduled' | 'parked';

export class MailOutbox {
  constructor(
    private readonly tableName: string,
    private readonly retryBaseSeconds: number,
    private readonly client = documentClient,
  ) {}

  /** Writes a mail unless one with its id exists: fan-outs that run twice add nothing twice. */
  async addOnce(mail: OutboxMail): Promise<'added' | 'exists'> {
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: outboxItem(mail), ConditionExpression: 'attribute_not_exists(PK)' }));
      return 'added';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'exists';
      throw error;
    }
  }

  /**
   * Takes the mail for sending. Only a pending mail whose retry time has come can be claimed,
   * so a redelivered stream record, a second invocation or an early sweep sends nothing.
   */
  async claim(mailId: string, now: Date): Promise<OutboxMail | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.mail(mailId),
          UpdateExpression: 'SET #status = :sending, claimedAt = :now, attempts = attempts + :one REMOVE GSI1PK, GSI1SK',
          ConditionExpression: 'attribute_exists(PK) AND #status = :pending AND (attribute_not_exists(nextAttemptAt) OR nextAttemptAt <= :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':pending': 'pending', ':now': now.toISOString(), ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return withoutKeys<OutboxMail>(Attributes!);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async markSent(mailId: string, messageId: string, now: Date): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.mail(mailId),
        UpdateExpression: 'SET #status = :sent, sentAt = :now, messageId = :messageId REMOVE lastError, nextAttemptAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':now': now.toISOString(), ':messageId': messageId },
      }),
    );
  }

  /**
   * After a failed attempt: back into the retry queue with exponential backoff, or, once its
   * attempts are used up (or it can never succeed), parked as failed where the organiser sees it.
   */
  async releaseAfterFailure(mail: OutboxMail, reason: string, now: Date, options: { permanent?: boolean } = {}): Promise<ReleaseOutcome> {
    const parked = options.permanent === true || mail.attempts >= MAX_MAIL_ATTEMPTS;
    const at = now.toISOString();
    const retryAt = nextAttemptAt(mail.attempts, now, this.retryBaseSeconds);
    const index = parked ? keys.parkedMailEntry(mail.eventId, at, mail.mailId) : keys.mailRetryEntry(retryAt, mail.mailId);
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.mail(mail.mailId),
        UpdateExpression: `SET #status = :status, lastError = :reason, failedAt = :now, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk${parked ? '' : ', nextAttemptAt = :retryAt'}`,
        ConditionExpression: '#status = :sending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': parked ? 'failed' : 'pending',
          ':reason': reason.slice(0, 500),
          ':now': at,
          ':sending': 'sending',
          ':gsi1pk': index.GSI1PK,
          ':gsi1sk': index.GSI1SK,
          ...(parked ? {} : { ':retryAt': retryAt }),
        },
      }),
    );
    return parked ? 'parked' : 'retry-scheduled';
  }

  /** Ids of mails whose next attempt is due, oldest first. */
  async dueForRetry(now: Date, limit: number): Promise<string[]> {
    const ids: string[] = [];
    const pages = paginateQuery(
      { client: this.client, pageSize: Math.min(limit, 100) },
      {
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :queue AND GSI1SK <= :now',
        ExpressionAttributeValues: { ':queue': keys.mailRetryQueue, ':now': `${now.toISOString()}#~` },
        ProjectionExpression: 'mailId',
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) ids.push(String(item.mailId));
      if (ids.length >= limit) break;
    }
    return ids.slice(0, limit);
  }

  async parkedOfEvent(eventId: string): Promise<OutboxMail[]> {
    return queryAll<OutboxMail>(this.client, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :parked',
      ExpressionAttributeValues: { ':parked': keys.parkedMailOfEvent(eventId) },
    });
  }

}
