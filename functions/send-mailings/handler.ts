import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { readConfig } from '../../shared/config';
import { logger } from '../../shared/observability/logger';
import { runDueMailings } from '../../shared/use-cases/mailings';
import { mailingDeps } from '../../shared/composition/wiring';
import { observability } from '../../shared/observability/middleware';

const config = readConfig(FUNCTION_SETTINGS['send-mailings']);
const deps = mailingDeps(config.TABLE_NAME, config.MAIL_RETRY_BASE_SECONDS);

/** Leave this much of the function's time unused: a run never ends mid-write near its timeout. */
const SAFETY_MARGIN_MS = 30_000;

/** Every minute: turn due reminders and notices into outbox mail (sent by send-mail at its rate). */
export const handler = middy<ScheduledEvent, void>()
  .use(observability())
  .handler(async (_event, context) => {
    const tally = await runDueMailings(deps, { stopBy: Date.now() + context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS });
    if (tally.failed > 0) logger.error('Mailings failed; their lease runs out and a later run finishes them', tally);
    else if (tally.done + tally.unfinished > 0) logger.info('Mailings fanned out', tally);
  });
