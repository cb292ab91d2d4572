import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MailFeedback, OutboxMail, RegistrationFeedback } from '../../domain/mail';
import { documentClient } from './client';
import { mailOutcomeCount } from './event-activity';
import { keys, withoutKeys } from './keys';
import { retryOnTransactionConflict } from './retry';

/** The mail is the transaction's first item; the registration, when there is one, its last. */
const MAIL = 0;

export type FeedbackWrite = 'recorded' | 'seen' | 'registration-changed';

/**
 * SES feedback, recorded all or nothing: on the mail (the set of outcomes seen, so an event that
 * EventBridge delivers twice, or late, is recorded once), in the event's counts, and on the
 * registration as the use case decided from the registration as read.
 */
export class MailFeedbackRepository {
  constructor(
    private readonly tableName: string,
    private readonly client: DynamoDBDocumentClient = documentClient,
  ) {}

  async mail(mailId: string): Promise<(OutboxMail & { feedback?: Set<string> }) | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.mail(mailId), ConsistentRead: true }));
    return Item ? withoutKeys(Item) : undefined;
  }

  async record(mail: OutboxMail, feedback: MailFeedback, counted: string | undefined, change: RegistrationFeedback): Promise<FeedbackWrite> {
    const registrationKey = keys.registration(mail.registrationId);
    const registrationItem =
      change?.kind === 'delivered'
        ? {
            Update: {
              TableName: this.tableName,
              Key: registrationKey,
              UpdateExpression: 'SET mailStatus = :delivered',
              ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(addressUndeliverable)',
              ExpressionAttributeValues: { ':delivered': 'delivered' },
            },
          }
        : change?.kind === 'undeliverable'
          ? {
              Update: {
                TableName: this.tableName,
                Key: registrationKey,
                UpdateExpression: 'SET mailStatus = :because, addressUndeliverable = :because',
                ConditionExpression: change.addressChangedAt === undefined ? 'attribute_exists(PK) AND attribute_not_exists(addressChangedAt)' : 'addressChangedAt = :changed',
                ExpressionAttributeValues: { ':because': change.because, ...(change.addressChangedAt === undefined ? {} : { ':changed': change.addressChangedAt }) },
              },
            }
          : undefined;
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.mail(mail.mailId),
            UpdateExpression: 'ADD feedback :outcomes SET feedbackAt = :at',
            ConditionExpression: 'attribute_exists(PK) AND NOT contains(feedback, :outcome)',
            ExpressionAttributeValues: { ':outcomes': new Set([feedback.outcome]), ':outcome': feedback.outcome, ':at': feedback.at },
          },
        },
        ...(counted ? [{ Update: mailOutcomeCount(this.tableName, mail.eventId, counted) }] : []),
        ...(registrationItem ? [registrationItem] : []),
      ],
    });
    try {
      await retryOnTransactionConflict(() => this.client.send(command));
      return 'recorded';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[MAIL]?.Code === 'ConditionalCheckFailed') return 'seen';
      if (registrationItem && reasons.at(-1)?.Code === 'ConditionalCheckFailed') return 'registration-changed';
      throw error;
    }
  }
}
