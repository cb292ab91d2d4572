import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent, DynamoDBBatchResponse } from 'aws-lambda';
import { readConfig } from '../../shared/config';
import { logger } from '../../shared/logger';
import { deliverMail } from '../../shared/use-cases/deliver-mail';
import { MailOutbox } from '../../shared/adapters/dynamo/mail-outbox';
import { RateLimitedMailer } from '../../shared/adapters/rate-limited-mailer';
import { SesMailer } from '../../shared/adapters/ses-mailer';
import type { MailDeps } from '../../shared/use-cases/deps';
import { registrationDeps } from '../../shared/wiring';

const config = readConfig(['TABLE_NAME', 'MAIL_FROM', 'MAIL_RATE_PER_SECOND']);
const deps: MailDeps = {
  ...registrationDeps(config.TABLE_NAME),
  outbox: new MailOutbox(config.TABLE_NAME),
  mailer: new RateLimitedMailer(new SesMailer(), config.MAIL_RATE_PER_SECOND),
  mailFrom: config.MAIL_FROM,
};
const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function deliverRecord(record: DynamoDBRecord): Promise<void> {
  const image = unmarshall((record.dynamodb?.NewImage ?? {}) as Record<string, AttributeValue>);
  const outcome = await deliverMail(deps, String(image.mailId));
  logger.info('Mail record handled', { mailId: image.mailId, kind: image.kind, outcome });
}

/** Failed records are reported one by one, so a retry re-sends only what did not go out. */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) => processPartialResponse(event, deliverRecord, processor, { context, throwOnFullBatchFailure: false }));
