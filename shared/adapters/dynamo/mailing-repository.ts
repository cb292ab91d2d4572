import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MailStatus } from '../../domain/mail';
import type { Mailing } from '../../domain/mailing';
import type { MessageContent } from '../../domain/message';
import { documentClient } from './client';
import { mailStatuses } from './mail-outbox';
import { unlessConditionFails } from './conditional';
import { keys, withoutKeys } from './keys';
import { queryPartition } from './query-all';

export function mailingItem(mailing: Mailing) {
  return { ...keys.mailing(mailing.eventId, mailing.jobId), ...keys.mailingQueueEntry(mailing.dueAt, mailing.eventId, mailing.jobId), entity: 'mailing', ...mailing };
}

/** Messages kept in memory by a warm mail function: a mail batch is mostly one message's mails. */
const MESSAGE_CACHE_SIZE = 20;

export class MailingRepository {
  private readonly messages = new Map<string, MessageContent>();

  constructor(
    private readonly tableName: string,
    private readonly client = documentClient,
  ) {}

  /** Adds or moves a mailing that has not started; one that is sending or done stays as it is. */
  async schedule(mailing: Mailing): Promise<void> {
    await unlessConditionFails(
      () =>
        this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: mailingItem(mailing),
            ConditionExpression: 'attribute_not_exists(PK) OR #state = :scheduled',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':scheduled': 'scheduled' },
          }),
        ),
      () => undefined,
    );
  }

  /** Drops a mailing that has not started (a reminder the organiser removed). */
  async unschedule(eventId: string, jobId: string): Promise<void> {
    await unlessConditionFails(
      () =>
        this.client.send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: keys.mailing(eventId, jobId),
            ConditionExpression: '#state = :scheduled',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':scheduled': 'scheduled' },
          }),
        ),
      () => undefined,
    );
  }

  async due(now: Date, limit: number): Promise<Array<Pick<Mailing, 'eventId' | 'jobId'>>> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :queue AND GSI1SK <= :now',
        ExpressionAttributeValues: { ':queue': keys.mailingQueue, ':now': `${now.toISOString()}#~` },
        Limit: limit,
      }),
    );
    return Items.map((item) => ({ eventId: String(item.eventId), jobId: String(item.jobId) }));
  }

  /**
   * Takes a due mailing for a lease. A crashed run's lease runs out and the mailing becomes due
   * again; its mails have stable ids, so the second run only adds what the first did not.
   */
  async claim(eventId: string, jobId: string, now: Date, leaseMs: number): Promise<Mailing | undefined> {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    return unlessConditionFails(
      async () => {
        const { Attributes } = await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.mailing(eventId, jobId),
            UpdateExpression: 'SET #state = :sending, leaseUntil = :lease, GSI1SK = :queued',
            ConditionExpression: '(#state = :scheduled AND dueAt <= :now) OR (#state = :sending AND leaseUntil < :now)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: {
              ':sending': 'sending',
              ':scheduled': 'scheduled',
              ':lease': leaseUntil,
              ':now': now.toISOString(),
              ':queued': keys.mailingQueueEntry(leaseUntil, eventId, jobId).GSI1SK,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return withoutKeys<Mailing>(Attributes!);
      },
      () => undefined,
    );
  }

  async complete(mailing: Mailing, state: 'sent' | 'skipped', sent: number, now: Date): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.mailing(mailing.eventId, mailing.jobId),
        UpdateExpression: 'SET #state = :state, sent = :sent, completedAt = :now REMOVE GSI1PK, GSI1SK, leaseUntil',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':state': state, ':sent': sent, ':now': now.toISOString() },
      }),
    );
  }

  async ofEvent(eventId: string): Promise<Mailing[]> {
    return queryPartition<Mailing>(this.client, this.tableName, keys.mailingsOfEvent(eventId));
  }

  /**
   * Writes a mailing only if its job id is new (a message whose Idempotency-Key was seen
   * answers with the first one's job); unlike schedule, never replaces a scheduled one.
   */
  async addOnce(mailing: Mailing): Promise<{ added: true } | { added: false; existing: Mailing }> {
    const added = await unlessConditionFails(
      async () => {
        await this.client.send(new PutCommand({ TableName: this.tableName, Item: mailingItem(mailing), ConditionExpression: 'attribute_not_exists(PK)' }));
        return true;
      },
      () => false,
    );
    if (added) return { added: true };
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.mailing(mailing.eventId, mailing.jobId), ConsistentRead: true }));
    // Jobs with an Idempotency-Key's id are never deleted, so the one that refused ours is there.
    if (!Item) throw new Error(`Mailing ${mailing.jobId} of event ${mailing.eventId} exists and cannot be read`);
    return { added: false, existing: withoutKeys<Mailing>(Item) };
  }

  /** The status of each of these mails that exists (a mailing's mails, by their derived ids), read by BatchGet. */
  mailStatuses(mailIds: string[]): Promise<MailStatus[]> {
    return mailStatuses(this.client, this.tableName, mailIds);
  }

  /** A message's text; a job's message never changes, so what a warm function read once stays true. */
  async messageOf(eventId: string, jobId: string): Promise<MessageContent | undefined> {
    const cacheKey = `${eventId}#${jobId}`;
    const cached = this.messages.get(cacheKey);
    if (cached) return cached;
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.mailing(eventId, jobId), ProjectionExpression: '#message', ExpressionAttributeNames: { '#message': 'message' } }),
    );
    const message = Item?.message as MessageContent | undefined;
    if (message) {
      if (this.messages.size >= MESSAGE_CACHE_SIZE) this.messages.delete(this.messages.keys().next().value!);
      this.messages.set(cacheKey, message);
    }
    return message;
  }
}
