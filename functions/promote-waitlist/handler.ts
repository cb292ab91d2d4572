import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { readConfig } from '../../shared/config';
import type { EventRecord } from '../../shared/domain/event';
import { logger } from '../../shared/observability/logger';
import { fillFreeSeatsOf } from '../../shared/use-cases/promote';
import { registrationDeps } from '../../shared/composition/wiring';
import { observability } from '../../shared/observability/middleware';

const config = readConfig(['TABLE_NAME']);
const deps = registrationDeps(config.TABLE_NAME);

/**
 * Every change of an event item passes here. Usually the request that freed a seat has
 * already promoted; if it could not (it failed or timed out after cancelling), this does.
 * A failure fails the batch, which Lambda redelivers: promotion is idempotent.
 */
export const handler = middy<DynamoDBStreamEvent, void>()
  .use(observability())
  .handler(async (event) => {
    const images = event.Records.flatMap((record) => (record.dynamodb?.NewImage ? [unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>) as EventRecord] : []));
    const promoted = await fillFreeSeatsOf(deps, images);
    if (promoted > 0) logger.info('Promoted from the waitlist by the stream', { promoted });
  });
