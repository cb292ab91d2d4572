import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { concurrencyLimit } from './concurrency';
import { logger } from '../observability/logger';
import type { MailDeps } from '../use-cases/deps';
import { deliverMail } from '../use-cases/deliver-mail';
import { observability } from '../observability/middleware';

/**
 * A stream consumer of new outbox mail. A failed send is rescheduled by the use case
 * (retry-mail sends it later), so its record succeeds; only an unexpected failure (DynamoDB
 * unreachable) is reported for redelivery, one record at a time.
 */
export function mailStreamHandler(deps: MailDeps) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  // Preparation (claims, reads) trickles into the paced sends instead of queueing before the first.
  const inFlight = concurrencyLimit(8);

  async function deliverOne(record: DynamoDBRecord): Promise<void> {
    const image = unmarshall((record.dynamodb?.NewImage ?? {}) as Record<string, AttributeValue>);
    const outcome = await deliverMail(deps, String(image.mailId));
    if (outcome === 'parked') logger.error('Mail parked', { mailId: image.mailId, kind: image.kind, eventId: image.eventId });
    else logger.info('Mail record handled', { mailId: image.mailId, kind: image.kind, outcome });
  }

  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(observability())
    .handler(async (event, context) =>
      processPartialResponse(event, (record: DynamoDBRecord) => inFlight(() => deliverOne(record)), processor, { context, throwOnFullBatchFailure: false }),
    );
}
