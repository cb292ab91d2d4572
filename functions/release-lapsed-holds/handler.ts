import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { readConfig } from '../../shared/config';
import { logger } from '../../shared/observability/logger';
import { observability } from '../../shared/observability/middleware';
import { releaseLapsedHolds } from '../../shared/use-cases/address-confirmation';
import { registrationDeps } from '../../shared/composition/wiring';

const deps = registrationDeps(readConfig(FUNCTION_SETTINGS['release-lapsed-holds']).TABLE_NAME);

/** Leave this much of the function's time unused: a run never ends mid-transaction near its timeout. */
const SAFETY_MARGIN_MS = 10_000;
const MAX_PER_RUN = 1000;

/** Every minute: unconfirmed registrations whose window has passed give up their place and are deleted. */
export const handler = middy<ScheduledEvent, void>()
  .use(observability())
  .handler(async (_event, context) => {
    const released = await releaseLapsedHolds(deps, { limit: MAX_PER_RUN, stopBy: Date.now() + context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS });
    if (released > 0) logger.info('Lapsed holds released', { released });
  });
