import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { MAIL_SETTINGS, readConfig } from '../../shared/config';
import { logger } from '../../shared/logger';
import { retryDueMail } from '../../shared/use-cases/deliver-mail';
import { mailDeps } from '../../shared/wiring-mail';

const deps = mailDeps(readConfig(MAIL_SETTINGS));

/** Stop this long before the function's timeout, so no claimed mail is left mid-send. */
const SAFETY_MARGIN_MS = 10_000;
const MAX_PER_RUN = 500;

export const handler = middy<ScheduledEvent, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (_event, context) => {
    const tally = await retryDueMail(deps, { limit: MAX_PER_RUN, stopBy: Date.now() + context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS });
    if (tally.parked > 0) logger.error('Mail parked', { count: tally.parked });
    if (tally.sent + tally['retry-scheduled'] + tally.parked > 0) logger.info('Mail retry sweep', { ...tally });
  });
