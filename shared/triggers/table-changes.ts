import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { stateChangeOf, type ItemWrite } from '../domain/state-changes';
import { logger } from '../observability/logger';
import { observability } from '../observability/middleware';
import { followTableChanges, type TableChangesDeps } from '../use-cases/table-changes';
import { matchesStreamFilter, STREAM_FILTERS } from './stream-filters';

const imageOf = (image: object | undefined) => (image ? unmarshall(image as Record<string, AttributeValue>) : undefined);

/** A stream record as the domain sees a write: the item before and after, plain values, and when. */
export function itemWriteOf(record: DynamoDBRecord): ItemWrite {
  const seconds = record.dynamodb?.ApproximateCreationDateTime;
  return {
    // Lambda redelivers a record with its eventID, so a republished change keeps its id.
    id: record.eventID ?? record.dynamodb?.SequenceNumber ?? '',
    sequence: record.dynamodb?.SequenceNumber,
    at: (seconds ? new Date(seconds * 1000) : new Date()).toISOString(),
    before: imageOf(record.dynamodb?.OldImage),
    after: imageOf(record.dynamodb?.NewImage),
  };
}

export function tableChangesHandler(deps: TableChangesDeps) {
  return middy<DynamoDBStreamEvent, void>()
    .use(observability())
    .handler(async (event) => {
      // Each image is read once: a freed seat's event and every state change come from the same writes.
      const writes = event.Records.map((record) => ({ record, write: itemWriteOf(record) }));
      const eventsWithFreedSeats = writes.filter(({ record }) => matchesStreamFilter(record, STREAM_FILTERS.freedSeats)).map(({ write }) => String(write.after?.eventId));
      const changes = writes.flatMap(({ write }) => {
        const change = stateChangeOf(write);
        return change ? [change] : [];
      });
      const { published, promoted } = await followTableChanges(deps, { changes, eventsWithFreedSeats });
      if (promoted > 0) logger.info('Promoted from the waitlist by the stream', { promoted });
      if (published > 0) logger.info('State changes published', { published, types: [...new Set(changes.map((change) => change.type))] });
    });
}
