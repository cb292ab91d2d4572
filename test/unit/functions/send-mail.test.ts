import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { BatchGetCommand, DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/send-mail/handler';
import { MAX_MAIL_ATTEMPTS } from '../../../shared/domain/mail';
import { aRegistration, anEvent } from '../../support/fixtures';
import { context, sampleEvent } from '../../support/http-events';

const dynamo = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESClient);

const streamEvent = sampleEvent<DynamoDBStreamEvent>('send-mail.json');
const claimed = (attempts = 1) => ({
  mailId: '01SAMPLEMAIL0000000000000',
  kind: 'registration-confirmed',
  eventId: 'masterclass-demo',
  registrationId: '01SAMPLEREG00000000000000',
  status: 'sending',
  attempts,
  createdAt: '2026-11-29T10:00:00.000Z',
});

const updatesSetting = (status: string) =>
  dynamo.commandCalls(UpdateCommand).filter((call) => call.args[0].input.ExpressionAttributeValues?.[':status'] === status || call.args[0].input.ExpressionAttributeValues?.[':sent'] === status);

beforeEach(() => {
  dynamo.on(BatchGetCommand).resolves({
    Responses: {
      'unit-test-table': [
        { PK: 'EVENT#masterclass-demo', SK: 'REG#01SAMPLEREG00000000000000', ...aRegistration() },
        { PK: 'EVENT#masterclass-demo', SK: 'EVENT', ...anEvent({ id: 'masterclass-demo' }) },
      ],
    },
  });
});

afterEach(() => {
  dynamo.reset();
  ses.reset();
});

describe('send-mail handler', () => {
  it('claims, sends with the calendar file, and records the message id', async () => {
    dynamo.on(UpdateCommand).resolvesOnce({ Attributes: claimed() }).resolves({});
    ses.on(SendRawEmailCommand).resolves({ MessageId: 'ses-1' });

    const result = await handler(streamEvent, context);

    expect(result).toEqual({ batchItemFailures: [] });
    const raw = Buffer.from(ses.commandCalls(SendRawEmailCommand)[0]!.args[0].input.RawMessage!.Data!).toString();
    expect(raw).toContain('To: zoe@example.org');
    expect(raw).toMatch(/Content-Type: text\/calendar/);
    const recorded = dynamo.commandCalls(UpdateCommand)[1]!.args[0].input;
    expect(recorded.ExpressionAttributeValues).toMatchObject({ ':sent': 'sent', ':messageId': 'ses-1' });
  });

  it('sends nothing for a record whose mail was already claimed (redelivery)', async () => {
    dynamo.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));

    const result = await handler(streamEvent, context);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(0);
  });

  it('puts the mail back and reports only that record when SES throttles', async () => {
    dynamo.on(UpdateCommand).resolvesOnce({ Attributes: claimed() }).resolves({});
    ses.on(SendRawEmailCommand).rejects(Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling' }));

    const result = await handler(streamEvent, context);

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '100000000000000000001' }] });
    expect(updatesSetting('pending')).toHaveLength(1);
    expect(updatesSetting('sent')).toHaveLength(0);
  });

  it('parks the mail after its last attempt instead of retrying forever', async () => {
    dynamo.on(UpdateCommand).resolvesOnce({ Attributes: claimed(MAX_MAIL_ATTEMPTS) }).resolves({});
    ses.on(SendRawEmailCommand).rejects(Object.assign(new Error('Connection timed out'), { name: 'TimeoutError' }));

    const result = await handler(streamEvent, context);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(updatesSetting('failed')).toHaveLength(1);
  });

  it('never resends when recording the result fails after SES accepted the mail', async () => {
    dynamo.on(UpdateCommand).resolvesOnce({ Attributes: claimed() }).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    ses.on(SendRawEmailCommand).resolves({ MessageId: 'ses-1' });

    const result = await handler(streamEvent, context);

    // The record is retried, but the mail stays claimed ("sending"), so the retry sends nothing.
    expect(result.batchItemFailures).toHaveLength(1);
    expect(updatesSetting('pending')).toHaveLength(0);
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(1);
  });
});
