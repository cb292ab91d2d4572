import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/table-changes/handler';
import { anEvent } from '../../support/fixtures';
import { context, sampleEvent } from '../../support/http-events';

const dynamo = mockClient(DynamoDBDocumentClient);
const eventBridge = mockClient(EventBridgeClient);
const streamEvent = sampleEvent<DynamoDBStreamEvent>('table-changes.json');

beforeEach(() => {
  dynamo.on(GetCommand).resolves({ Item: { PK: 'EVENT#masterclass-demo', SK: 'EVENT', ...anEvent({ id: 'masterclass-demo', organisationId: 'org-waterschap' }) } });
  // The freed seat's shard, as promotion reads it: nobody is waiting any more.
  dynamo.on(QueryCommand).resolves({ Items: [] });
});

afterEach(() => {
  dynamo.reset();
  eventBridge.reset();
});

const entries = () => eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries ?? []);

describe('table-changes handler', () => {
  it('publishes the promotion in the sample batch to the bus, with ids and statuses and the organisation, and nothing personal', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });

    await handler(streamEvent, context);

    expect(entries()).toEqual([
      [
        {
          EventBusName: 'unit-test-bus',
          Source: 'event-registration',
          DetailType: 'registration.promoted',
          Time: new Date('2026-11-28T10:00:01.000Z'),
          Detail: JSON.stringify({
            schemaVersion: 1,
            id: 'sample-1',
            type: 'registration.promoted',
            occurredAt: '2026-11-28T10:00:01.000Z',
            eventId: 'masterclass-demo',
            sequence: '100000000000000000001',
            registrationId: '01SAMPLEREG00000000000000',
            status: 'confirmed',
            previousStatus: 'waitlisted',
            organisationId: 'org-waterschap',
          }),
        },
      ],
    ]);
  });

  it('sends again only what EventBridge refused, and fails the batch (for Lambda to redeliver) when it keeps refusing', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }] })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });
    await handler(streamEvent, context);
    expect(entries().map((sent) => sent.map((entry) => entry.DetailType))).toEqual([['registration.promoted'], ['registration.promoted']]);

    eventBridge.reset();
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'oops' }] });
    await expect(handler(streamEvent, context)).rejects.toThrow('EventBridge refused 1 state change(s): InternalFailure: oops');
    expect(entries()).toHaveLength(3);
  });
});
