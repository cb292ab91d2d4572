import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { BatchGetCommand, DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/send-mail/handler';
import { aRegistration, anEvent } from '../../support/fixtures';
import { context, sampleEvent } from '../../support/http-events';

const dynamo = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);

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


beforeEach(() => {
  dynamo.on(BatchGetCommand).resolves({
    Responses: {
      'unit-test-table': [
        { PK: 'REG#01SAMPLEREG00000000000000', SK: 'REG', ...aRegistration({ registrationId: '01SAMPLEREG00000000000000', eventId: 'masterclass-demo' }) },
        { PK: 'EVENT#masterclass-demo', SK: 'EVENT', ...anEvent({ id: 'masterclass-demo' }) },
      ],
    },
  });
});

afterEach(() => {
  dynamo.reset();
  ses.reset();
});

const updates = () => dynamo.commandCalls(UpdateCommand).map((call) => call.args[0].input);
const statusUpdates = (status: string) => updates().filter((input) => input.ExpressionAttributeValues?.[':status'] === status || input.ExpressionAttributeValues?.[':sent'] === status);

describe('send-mail handler', () => {
  it('claims, sends with the calendar file and a personal link whose token only exists as a hash, and records the message id', async () => {
    dynamo.on(UpdateCommand).resolvesOnce({ Attributes: claimed() }).resolves({});
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });

    const result = await handler(streamEvent, context);

    expect(result).toEqual({ batchItemFailures: [] });
    const sent = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    const text = sent.Content!.Simple!.Body!.Text!.Data!;
    expect(sent.Destination!.ToAddresses).toEqual(['zoe@example.org']);
    expect(sent.Content!.Simple!.Attachments!.map((attachment) => attachment.ContentType)).toEqual(
      expect.arrayContaining([expect.stringContaining('text/calendar'), 'image/png']),
    );
    const token = /registrations\/01SAMPLEREG00000000000000\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
    expect(text, 'personal link in the text part').toContain('/registrations/01SAMPLEREG00000000000000?token=');
    expect(token).toBeDefined();
    const storedHash = updates()[1]!.ExpressionAttributeValues?.[':hash'] as string[];
    // Only the token's SHA-256 (base64url) is stored.
    expect(storedHash).toEqual([createHash('sha256').update(token!).digest('base64url')]);
    expect(JSON.stringify(dynamo.calls().map((call) => call.args[0].input))).not.toContain(token);
    expect(statusUpdates('sent')[0]).toMatchObject({ ExpressionAttributeValues: expect.objectContaining({ ':messageId': 'ses-1' }) });
  });

  it('drops the mail of a registration deleted meanwhile (a lapsed hold): suppressed, not sent, not parked', async () => {
    dynamo.on(BatchGetCommand).resolves({ Responses: { 'unit-test-table': [{ PK: 'EVENT#masterclass-demo', SK: 'EVENT', ...anEvent({ id: 'masterclass-demo' }) }] } });
    dynamo.on(UpdateCommand).resolvesOnce({ Attributes: claimed() }).resolves({});

    await handler(streamEvent, context);

    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    expect(updates()[1]).toMatchObject({ ExpressionAttributeValues: expect.objectContaining({ ':suppressed': 'suppressed', ':reason': 'registration-deleted' }) });
    expect(JSON.stringify(updates())).not.toContain('MAILQ#FAILED');
  });

  it('names the configuration set and tags the mail, so SES feedback finds it again', async () => {
    dynamo.on(UpdateCommand).resolvesOnce({ Attributes: claimed() }).resolves({});
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-3' });

    await handler(streamEvent, context);

    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input).toMatchObject({
      ConfigurationSetName: 'unit-test-mail',
      EmailTags: [
        { Name: 'mailId', Value: '01SAMPLEMAIL0000000000000' },
        { Name: 'eventId', Value: 'masterclass-demo' },
      ],
    });
  });

  it('asks again for what a throttled BatchGet left unprocessed, instead of parking the mail as if its registration were gone', async () => {
    const registrationItem = { PK: 'REG#01SAMPLEREG00000000000000', SK: 'REG', ...aRegistration({ registrationId: '01SAMPLEREG00000000000000', eventId: 'masterclass-demo' }) };
    const eventItem = { PK: 'EVENT#masterclass-demo', SK: 'EVENT', ...anEvent({ id: 'masterclass-demo' }) };
    const eventKey = { PK: 'EVENT#masterclass-demo', SK: 'EVENT' };
    dynamo
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { 'unit-test-table': [] }, UnprocessedKeys: { 'unit-test-table': { Keys: [{ PK: 'REG#01SAMPLEREG00000000000000', SK: 'REG' }, eventKey] } } })
      .resolvesOnce({ Responses: { 'unit-test-table': [registrationItem] }, UnprocessedKeys: { 'unit-test-table': { Keys: [eventKey] } } })
      .resolves({ Responses: { 'unit-test-table': [eventItem] } });
    dynamo.on(UpdateCommand).resolvesOnce({ Attributes: claimed() }).resolves({});
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-2' });

    const result = await handler(streamEvent, context);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(dynamo.commandCalls(BatchGetCommand).map((call) => call.args[0].input.RequestItems!['unit-test-table']!.Keys)).toEqual([
      [{ PK: 'REG#01SAMPLEREG00000000000000', SK: 'REG' }, eventKey, { PK: 'NEEDS#01SAMPLEREG00000000000000', SK: 'NEEDS' }],
      [{ PK: 'REG#01SAMPLEREG00000000000000', SK: 'REG' }, eventKey],
      [eventKey],
    ]);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(statusUpdates('failed')).toHaveLength(0);
    expect(statusUpdates('sent')[0]).toMatchObject({ ExpressionAttributeValues: expect.objectContaining({ ':messageId': 'ses-2' }) });
  });

  it('sends nothing for a record whose mail was already claimed (redelivery)', async () => {
    dynamo.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));

    const result = await handler(streamEvent, context);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('puts the mail in the retry queue with backoff when SES throttles, without failing the record', async () => {
    dynamo.on(UpdateCommand).resolvesOnce({ Attributes: claimed(2) }).resolves({});
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling' }));

    const result = await handler(streamEvent, context);

    expect(result).toEqual({ batchItemFailures: [] });
    const [retry] = statusUpdates('pending');
    expect(retry?.ExpressionAttributeValues).toMatchObject({ ':gsi1pk': 'MAILQ#RETRY', ':reason': expect.stringContaining('Throttling') });
    const retryAt = Date.parse(retry!.ExpressionAttributeValues![':retryAt'] as string);
    expect(retryAt - Date.now()).toBeGreaterThan(1500); // base 1 s in unit config doubled once: about 2 s
    expect(statusUpdates('sent')).toHaveLength(0);
  });

  it('still retries a mail whose fifth attempt failed', async () => {
    dynamo.on(UpdateCommand).resolvesOnce({ Attributes: claimed(5) }).resolves({});
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('Connection timed out'), { name: 'TimeoutError' }));

    await handler(streamEvent, context);

    expect(statusUpdates('pending')[0]?.ExpressionAttributeValues).toMatchObject({ ':gsi1pk': 'MAILQ#RETRY' });
    expect(statusUpdates('failed')).toHaveLength(0);
  });

  it('parks the mail where the organiser sees it after its last attempt, the sixth', async () => {
    dynamo.on(UpdateCommand).resolvesOnce({ Attributes: claimed(6) }).resolves({});
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('Connection timed out'), { name: 'TimeoutError' }));

    const result = await handler(streamEvent, context);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(statusUpdates('failed')[0]?.ExpressionAttributeValues).toMatchObject({ ':gsi1pk': 'MAILQ#FAILED#masterclass-demo' });
  });

  it('never resends when recording the result fails after SES accepted the mail', async () => {
    dynamo
      .on(UpdateCommand)
      .resolvesOnce({ Attributes: claimed() })
      .resolvesOnce({})
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });

    const result = await handler(streamEvent, context);

    // The record is redelivered, but the mail stays claimed ("sending"), so that sends nothing.
    expect(result.batchItemFailures).toHaveLength(1);
    expect(statusUpdates('pending')).toHaveLength(0);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
  });
});
