import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { MAIL_SETTINGS, readConfig } from '../../shared/config';
import { concurrencyLimit } from '../../shared/concurrency';
import { logger } from '../../shared/logger';
import { deliverMail } from '../../shared/use-cases/deliver-mail';
import { mailDeps } from '../../shared/wiring-mail';

const deps = mailDeps(readConfig(MAIL_SETTINGS));
const processor = new BatchProcessor(EventType.DynamoDBStreams);
const inFlight = concurrencyLimit(8);

async function deliverRecord(record: DynamoDBRecord): Promise<void> {
  return inFlight(() => deliverOne(record));
}

async function deliverOne(record: DynamoDBRecord): Promise<void> {
  const image = unmarshall((record.dynamodb?.NewImage ?? {}) as Record<string, AttributeValue>);
  const outcome = await deliverMail(deps, String(image.mailId));
  if (outcome === 'parked') logger.error('Mail parked', { mailId: image.mailId, kind: image.kind, eventId: image.eventId });
  else logger.info('Mail record handled', { mailId: image.mailId, kind: image.kind, outcome });
}

/**
 * A failed send is rescheduled by the use case (retry-mail sends it later), so the record
 * succeeds; only an unexpected failure (DynamoDB unreachable) is reported for redelivery,
 * one record at a time.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) => processPartialResponse(event, deliverRecord, processor, { context, throwOnFullBatchFailure: false }));
