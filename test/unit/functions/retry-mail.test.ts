import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ScheduledEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/retry-mail/handler';
import { context, sampleEvent } from '../../support/http-events';

const dynamo = mockClient(DynamoDBDocumentClient);
// The sweep keeps a safety margin before the timeout; give it a minute like the real function.
const minute = { ...context, getRemainingTimeInMillis: () => 60_000 };
const ses = mockClient(SESv2Client);

afterEach(() => {
  dynamo.reset();
  ses.reset();
});

describe('retry-mail handler', () => {
  it('parks a mail whose sender died mid-send instead of sending it again', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [{ mailId: 'm1', eventId: 'e1', status: 'sending' }] });
    dynamo.on(UpdateCommand).resolves({});

    await handler(sampleEvent<ScheduledEvent>('retry-mail.json'), minute);

    const update = dynamo.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.ExpressionAttributeValues).toMatchObject({ ':failed': 'failed', ':gsi1pk': 'MAILQ#FAILED#e1', ':reason': expect.stringContaining('may or may not') });
    expect(update.ConditionExpression).toContain('claimedAt <= :leaseStart');
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('queries only what is due now', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });

    await handler(sampleEvent<ScheduledEvent>('retry-mail.json'), minute);

    const query = dynamo.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(query.KeyConditionExpression).toBe('GSI1PK = :queue AND GSI1SK <= :now');
    expect(query.ExpressionAttributeValues?.[':queue']).toBe('MAILQ#RETRY');
  });
});
