import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../observability/logger';
import { observability } from '../observability/middleware';
import type { MailDeps } from '../use-cases/deps';
import { retryDueMail } from '../use-cases/deliver-mail';

/** Stop this long before the function's timeout, so no claimed mail is left mid-send. */
const SAFETY_MARGIN_MS = 10_000;
const MAX_PER_RUN = 500;

/**
 * A scheduled sweep of one mail queue: every mail whose attempt is due is claimed, sent and
 * recorded; claims whose sender died are parked; one that cannot be handled now waits for the
 * next run without holding up the rest. Runs every minute.
 */
export function mailSweepHandler(deps: MailDeps, description: string) {
  return middy<ScheduledEvent, void>()
    .use(observability())
    .handler(async (_event, context) => {
      const tally = await retryDueMail(deps, { limit: MAX_PER_RUN, stopBy: Date.now() + context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS });
      if (tally.parked > 0) logger.error('Mail parked', { count: tally.parked });
      if (tally.sent + tally['retry-scheduled'] + tally.parked + tally.unhandled > 0) logger.info(description, { ...tally });
    });
}
