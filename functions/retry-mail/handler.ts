import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { MAIL_SETTINGS, readConfig } from '../../shared/config';
import { logger } from '../../shared/observability/logger';
import { retryDueMail } from '../../shared/use-cases/deliver-mail';
import { certificateExtras } from '../../shared/wiring-certificates';
import { mailDeps } from '../../shared/wiring-mail';
import { observability } from '../../shared/observability/middleware';

const config = readConfig(MAIL_SETTINGS);
// Retries cover every kind of mail, certificates included, so this one renders PDFs too.
const deps = { ...mailDeps(config), extras: certificateExtras(config.TABLE_NAME, config.PUBLIC_BASE_URL) };

/** Stop this long before the function's timeout, so no claimed mail is left mid-send. */
const SAFETY_MARGIN_MS = 10_000;
const MAX_PER_RUN = 500;

export const handler = middy<ScheduledEvent, void>()
  .use(observability())
  .handler(async (_event, context) => {
    const tally = await retryDueMail(deps, { limit: MAX_PER_RUN, stopBy: Date.now() + context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS });
    if (tally.parked > 0) logger.error('Mail parked', { count: tally.parked });
    if (tally.sent + tally['retry-scheduled'] + tally.parked > 0) logger.info('Mail retry sweep', { ...tally });
  });
