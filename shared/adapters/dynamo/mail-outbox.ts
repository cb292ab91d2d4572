import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_MAIL_ATTEMPTS, type OutboxMail } from '../../domain/mail';
import { documentClient } from './client';
import { keys } from './keys';

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

export class MailOutbox {
  constructor(
    private readonly tableName: string,
    private readonly client = documentClient,
  ) {}

  /**
   * Takes the mail for sending. Only a pending mail can be claimed, so a redelivered stream
   * record or a second concurrent invocation finds nothing to do and sends nothing.
   */
  async claim(mailId: string, now: Date): Promise<OutboxMail | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.mail(mailId),
          UpdateExpression: 'SET #status = :sending, claimedAt = :now, attempts = attempts + :one',
          ConditionExpression: 'attribute_exists(PK) AND #status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':pending': 'pending', ':now': now.toISOString(), ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes as OutboxMail;
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
        UpdateExpression: 'SET #status = :sent, sentAt = :now, messageId = :messageId REMOVE lastError',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':now': now.toISOString(), ':messageId': messageId },
      }),
    );
  }

  /**
   * Puts a failed attempt back for another try, or parks the mail as failed once it has used
   * its attempts. Returns whether it was parked.
   */
  async releaseAfterFailure(mail: OutboxMail, reason: string, now: Date): Promise<'retry' | 'parked'> {
    const parked = mail.attempts >= MAX_MAIL_ATTEMPTS;
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.mail(mail.mailId),
        UpdateExpression: 'SET #status = :status, lastError = :reason, failedAt = :now',
        ConditionExpression: '#status = :sending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': parked ? 'failed' : 'pending', ':reason': reason.slice(0, 500), ':now': now.toISOString(), ':sending': 'sending' },
      }),
    );
    return parked ? 'parked' : 'retry';
  }
}
