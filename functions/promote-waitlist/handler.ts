import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { readConfig } from '../../shared/config';
import { logger } from '../../shared/observability/logger';
import { fillFreeSeatsOf } from '../../shared/use-cases/promote';
import { registrationDeps } from '../../shared/composition/wiring';
import { observability } from '../../shared/observability/middleware';

const config = readConfig(['TABLE_NAME']);
const deps = registrationDeps(config.TABLE_NAME);

/**
 * Every seat shard left with freed seats passes here. Usually the request that freed a seat
 * has already settled it; if it could not (it failed or timed out after cancelling), this does.
 * A failure fails the batch, which Lambda redelivers: promotion is idempotent.
 */
export const handler = middy<DynamoDBStreamEvent, void>()
  .use(observability())
  .handler(async (event) => {
    const eventIds = event.Records.flatMap((record) =>
      record.dynamodb?.NewImage ? [String(unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>).eventId)] : [],
    );
    const promoted = await fillFreeSeatsOf(deps, eventIds);
    if (promoted > 0) logger.info('Promoted from the waitlist by the stream', { promoted });
  });
