import { ConditionalCheckFailedException, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handler as sendMail } from '../../../functions/send-mail/handler';
import { handler as retryMail } from '../../../functions/retry-mail/handler';
import { pauses } from '../../../shared/adapters/pauses';
import { aRegistration, anEvent } from '../../support/fixtures';
import { context, sampleEvent } from '../../support/http-events';

/**
 * What happens to a claimed mail is written down even when DynamoDB throttles those writes: the
 * claim must not stay `sending` until its lease ends, where the sweep would park a delivered mail
 * as "may or may not have arrived", or a mail that was never sent instead of trying it again.
 */
const dynamo = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);
const streamEvent = sampleEvent<DynamoDBStreamEvent>('send-mail.json');
const minute = { ...context, getRemainingTimeInMillis: () => 60_000 };

const claimed = (mailId = '01SAMPLEMAIL0000000000000') => ({
  mailId,
  kind: 'registration-confirmed',
  eventId: 'masterclass-demo',
  registrationId: '01SAMPLEREG00000000000000',
  status: 'sending',
  attempts: 1,
  createdAt: '2026-11-29T10:00:00.000Z',
});
const stored = {
  Responses: {
    'unit-test-table': [
      { PK: 'REG#01SAMPLEREG00000000000000', SK: 'REG', ...aRegistration({ registrationId: '01SAMPLEREG00000000000000', eventId: 'masterclass-demo' }) },
      { PK: 'EVENT#masterclass-demo', SK: 'EVENT', ...anEvent({ id: 'masterclass-demo' }) },
    ],
  },
};
const throttled = () => new ProvisionedThroughputExceededException({ message: 'The level of configured provisioned throughput for the table was exceeded.', $metadata: {} });

const isClaim = (input: UpdateCommandInput) => input.ExpressionAttributeValues?.[':sending'] === 'sending' && input.ExpressionAttributeValues?.[':pending'] === 'pending';
const isMarkSent = (input: UpdateCommandInput) => input.ExpressionAttributeValues?.[':sent'] === 'sent';
const isRelease = (input: UpdateCommandInput) => input.ExpressionAttributeValues?.[':status'] !== undefined && input.ExpressionAttributeValues?.[':reason'] !== undefined;
const updates = (which: (input: UpdateCommandInput) => boolean) => dynamo.commandCalls(UpdateCommand).map((call) => call.args[0].input).filter(which);

const realSleep = pauses.sleep;
beforeEach(() => {
  // The backoff between attempts does not wait in a unit test.
  pauses.sleep = async () => {};
});

afterEach(() => {
  pauses.sleep = realSleep;
  dynamo.reset();
  ses.reset();
});

describe('recording a mail\'s outcome while DynamoDB throttles', () => {
  it('a throttled markSent after SES accepted the mail is written again, so the mail is recorded as sent, once, and never sent again', async () => {
    dynamo.on(BatchGetCommand).resolves(stored);
    let markSentTries = 0;
    dynamo.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
      if (isClaim(input)) return { Attributes: claimed() };
      if (isMarkSent(input) && ++markSentTries <= 3) throw throttled();
      return {};
    });
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });

    const result = await sendMail(streamEvent, context);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(updates(isMarkSent).map((input) => input.ExpressionAttributeValues?.[':messageId'])).toEqual(['ses-1', 'ses-1', 'ses-1', 'ses-1']);
    // The same instant on every try: the write is the same write.
    expect(new Set(updates(isMarkSent).map((input) => input.ExpressionAttributeValues?.[':now'])).size).toBe(1);
    expect(updates(isRelease)).toEqual([]);
  });

  it('a mail whose registration read and retry-queue release are both throttled goes back to the retry queue instead of staying claimed', async () => {
    dynamo.on(BatchGetCommand).rejects(throttled());
    let releaseTries = 0;
    dynamo.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
      if (isClaim(input)) return { Attributes: claimed() };
      if (isRelease(input) && ++releaseTries <= 2) throw throttled();
      return {};
    });

    const result = await sendMail(streamEvent, context);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    const releases = updates(isRelease);
    expect(releases).toHaveLength(3);
    expect(releases.at(-1)!.ExpressionAttributeValues).toMatchObject({ ':status': 'pending', ':gsi1pk': 'MAILQ#RETRY', ':reason': expect.stringContaining('ProvisionedThroughputExceededException') });
  });

  it('a release whose first answer was lost finds its own write on the second try and is done, not an error', async () => {
    dynamo.on(BatchGetCommand).rejects(throttled());
    let releaseTries = 0;
    dynamo.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
      if (isClaim(input)) return { Attributes: claimed() };
      if (isRelease(input) && ++releaseTries === 1) throw Object.assign(new Error('socket hang up after the write'), { name: 'TimeoutError' });
      // The first try went through: the claim is gone, and the mail shows that very release.
      const values = input.ExpressionAttributeValues!;
      throw new ConditionalCheckFailedException({
        message: 'The conditional request failed',
        $metadata: {},
        Item: marshall({ ...claimed(), status: values[':status'], failedAt: values[':now'], nextAttemptAt: values[':retryAt'] }),
      });
    });

    const result = await sendMail(streamEvent, context);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(updates(isRelease)).toHaveLength(2);
  });

  it('a release that finds the mail taken by someone else is an error, reported for redelivery', async () => {
    dynamo.on(BatchGetCommand).rejects(throttled());
    dynamo.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
      if (isClaim(input)) return { Attributes: claimed() };
      throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {}, Item: marshall({ ...claimed(), status: 'sent', sentAt: '2026-11-29T10:00:01.000Z' }) });
    });

    const result = await sendMail(streamEvent, context);

    expect(result.batchItemFailures).toHaveLength(1);
    expect(updates(isRelease)).toHaveLength(1);
  });

  it('the sweep goes on past a mail whose claim is throttled: the next due mail is sent, the throttled one stays due', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [{ mailId: 'm1', eventId: 'masterclass-demo', status: 'pending' }, { mailId: 'm2', eventId: 'masterclass-demo', status: 'pending' }] });
    dynamo.on(BatchGetCommand).resolves(stored);
    dynamo.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
      if (isClaim(input) && input.Key?.PK === 'MAIL#m1') throw throttled();
      if (isClaim(input)) return { Attributes: claimed('m2') };
      return {};
    });
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-2' });

    await retryMail(sampleEvent<ScheduledEvent>('retry-mail.json'), minute);

    expect(ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input.EmailTags?.[0]?.Value)).toEqual(['m2']);
    expect(updates(isMarkSent).map((input) => input.Key)).toEqual([{ PK: 'MAIL#m2', SK: 'MAIL' }]);
  });
});
