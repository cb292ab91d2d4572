import { PutCommand, UpdateCommand, paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MAX_MAIL_ATTEMPTS, nextAttemptAt, queueOf, type MailStatus, type OutboxMail, type SuppressionReason } from '../../domain/mail';
import { batchGetAll } from './batch-get';
import { documentClient } from './client';
import { unlessConditionFails } from './conditional';
import { keys, withoutKeys, type MailQueue } from './keys';
import { queryAll } from './query-all';
import { ttlSeconds } from './ttl';

/** Longer than any send can take (a Lambda runs at most 15 minutes). */
const CLAIM_LEASE_MS = 15 * 60_000;

/** Delivered mail records are kept a while for the organiser's view, then DynamoDB expires them. */
const OUTBOX_RETENTION_SECONDS = 90 * 24 * 3600;

export function outboxItem(mail: OutboxMail) {
  return {
    ...keys.mail(mail.mailId),
    // A certificate mail waits in its queue for send-certificate's sweep from the start.
    ...(queueOf(mail.kind) === 'certificate' ? keys.mailQueueEntry('certificate', mail.createdAt, mail.mailId) : {}),
    entity: 'mail',
    ...mail,
    expiresAt: ttlSeconds(mail.createdAt) + OUTBOX_RETENTION_SECONDS,
  };
}

/** Writes a mail only if no mail with its id exists: in a transaction, or alone (addOnce). */
export function outboxPut(tableName: string, mail: OutboxMail) {
  return { Put: { TableName: tableName, Item: outboxItem(mail), ConditionExpression: 'attribute_not_exists(PK)' } };
}

/** Writes a mail unless one with its id exists: fan-outs that run twice, and rate-limited mail ids, add nothing twice. */
export async function putMailOnce(client: DynamoDBDocumentClient, tableName: string, mail: OutboxMail): Promise<'added' | 'exists'> {
  return unlessConditionFails(
    async () => {
      await client.send(new PutCommand(outboxPut(tableName, mail).Put));
      return 'added' as const;
    },
    () => 'exists' as const,
  );
}

/** The statuses of the mails with these ids (a mailing's or the certificates' progress), one consistent batch read. */
export async function mailStatuses(client: DynamoDBDocumentClient, tableName: string, mailIds: string[]): Promise<MailStatus[]> {
  const items = await batchGetAll(client, tableName, mailIds.map((mailId) => keys.mail(mailId)), { projection: { expression: '#status', names: { '#status': 'status' } } });
  return items.map((item) => item.status as MailStatus);
}

export type ReleaseOutcome = 'retry-scheduled' | 'parked';

/**
 * A write conditioned on the claim (`sending`) that finds the claim gone: if the mail already
 * shows this very write (the same status at the same instant), an earlier try of it went through
 * and only its answer was lost, so it is done. Anything else is a real conflict, thrown.
 */
function ownEarlierWrite(mailId: string, current: Record<string, unknown> | undefined, written: Record<string, string>): void {
  if (current && Object.entries(written).every(([name, value]) => current[name] === value)) return;
  throw new Error(`Mail ${mailId} is no longer claimed (it is ${String(current?.status ?? 'gone')}); its outcome was not recorded`);
}

export class MailOutbox {
  /** `queue` is the one this outbox's sweeps and claims work on: retries, or certificate mail. */
  constructor(
    private readonly tableName: string,
    private readonly retryBaseSeconds: number,
    private readonly queue: MailQueue = 'retry',
    private readonly client = documentClient,
  ) {}

  addOnce(mail: OutboxMail): Promise<'added' | 'exists'> {
    return putMailOnce(this.client, this.tableName, mail);
  }

  /**
   * Takes the mail for sending. Only a pending mail whose retry time has come can be claimed,
   * so a redelivered stream record, a second invocation or an early sweep sends nothing.
   */
  async claim(mailId: string, now: Date): Promise<OutboxMail | undefined> {
    return unlessConditionFails(
      async () => {
        const { Attributes } = await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.mail(mailId),
            // The claim stays in the retry queue until its lease ends: a sender that dies mid-send
            // leaves a mail the sweep finds (see parkInterrupted) instead of one stuck unseen.
            UpdateExpression: 'SET #status = :sending, claimedAt = :now, attempts = attempts + :one, GSI1PK = :queue, GSI1SK = :leaseEnd',
            ConditionExpression: 'attribute_exists(PK) AND #status = :pending AND (attribute_not_exists(nextAttemptAt) OR nextAttemptAt <= :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':sending': 'sending',
              ':pending': 'pending',
              ':now': now.toISOString(),
              ':one': 1,
              ':queue': keys.mailQueue(this.queue),
              ':leaseEnd': keys.mailQueueEntry(this.queue, new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(), mailId).GSI1SK,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return withoutKeys<OutboxMail>(Attributes!);
      },
      () => undefined,
    );
  }

  async markSent(mailId: string, messageId: string, now: Date): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.mail(mailId),
        UpdateExpression: 'SET #status = :sent, sentAt = :now, messageId = :messageId REMOVE lastError, nextAttemptAt, GSI1PK, GSI1SK',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':now': now.toISOString(), ':messageId': messageId },
      }),
    );
  }

  /** Not sent, on purpose (see suppressionOf): out of every queue, never retried, never parked. */
  async markSuppressed(mailId: string, reason: SuppressionReason, now: Date): Promise<void> {
    const at = now.toISOString();
    await unlessConditionFails(
      () =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.mail(mailId),
            UpdateExpression: 'SET #status = :suppressed, suppressedReason = :reason, suppressedAt = :now REMOVE nextAttemptAt, GSI1PK, GSI1SK',
            ConditionExpression: '#status = :sending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':suppressed': 'suppressed', ':reason': reason, ':now': at, ':sending': 'sending' },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        ),
      (current) => ownEarlierWrite(mailId, current, { status: 'suppressed', suppressedAt: at }),
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
    const index = parked ? keys.parkedMailEntry(mail.eventId, at, mail.mailId) : keys.mailQueueEntry(queueOf(mail.kind), retryAt, mail.mailId);
    await unlessConditionFails(
      () =>
        this.client.send(
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
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        ),
      (current) => ownEarlierWrite(mail.mailId, current, { status: parked ? 'failed' : 'pending', failedAt: at }),
    );
    return parked ? 'parked' : 'retry-scheduled';
  }

  /**
   * A claim whose lease ran out: its sender died between claiming and recording. SES may or may
   * not have accepted the mail, so it is not sent again (never twice) but parked where the
   * organiser sees it (never silently lost).
   */
  async parkInterrupted(mail: { mailId: string; eventId: string }, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const parked = keys.parkedMailEntry(mail.eventId, at, mail.mailId);
    return unlessConditionFails(
      async () => {
        await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.mail(mail.mailId),
            UpdateExpression: 'SET #status = :failed, lastError = :reason, failedAt = :now, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk',
            ConditionExpression: '#status = :sending AND claimedAt <= :leaseStart',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':failed': 'failed',
              ':sending': 'sending',
              ':reason': 'Interrupted while sending: it may or may not have arrived',
              ':now': at,
              ':leaseStart': new Date(now.getTime() - CLAIM_LEASE_MS).toISOString(),
              ':gsi1pk': parked.GSI1PK,
              ':gsi1sk': parked.GSI1SK,
            },
          }),
        );
        return true;
      },
      () => false,
    );
  }

  /** Mails whose next attempt (or whose claim's lease end) has come, oldest first. */
  async dueForRetry(now: Date, limit: number): Promise<Array<{ mailId: string; eventId: string; status: string }>> {
    const due: Array<{ mailId: string; eventId: string; status: string }> = [];
    const pages = paginateQuery(
      { client: this.client, pageSize: Math.min(limit, 100) },
      {
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :queue AND GSI1SK <= :now',
        ExpressionAttributeValues: { ':queue': keys.mailQueue(this.queue), ':now': `${now.toISOString()}#~` },
        ExpressionAttributeNames: { '#status': 'status' },
        ProjectionExpression: 'mailId, eventId, #status',
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) due.push({ mailId: String(item.mailId), eventId: String(item.eventId), status: String(item.status) });
      if (due.length >= limit) break;
    }
    return due.slice(0, limit);
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
