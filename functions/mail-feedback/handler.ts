import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { readConfig } from '../../shared/config';
import { MailFeedbackRepository } from '../../shared/adapters/dynamo/mail-feedback-repository';
import { registrationDeps } from '../../shared/composition/wiring';
import { logger } from '../../shared/observability/logger';
import { observability } from '../../shared/observability/middleware';
import { recordMailFeedback } from '../../shared/use-cases/mail-feedback';
import { feedbackOf, sesEventSchema } from './schema';

const config = readConfig(FUNCTION_SETTINGS['mail-feedback']);
const deps = { ...registrationDeps(config.TABLE_NAME), feedback: new MailFeedbackRepository(config.TABLE_NAME) };

/** SES delivery, bounce, complaint and reject events, through EventBridge: recorded on the mail and its registration. */
export const handler = middy<EventBridgeEvent<string, unknown>, void>()
  .use(observability())
  .handler(async (event) => {
    const parsed = sesEventSchema.safeParse(event);
    // Not an event we can read: retrying would not make it readable.
    if (!parsed.success) return logger.warn('Unreadable SES event', { detailType: event['detail-type'] });
    const feedback = feedbackOf(parsed.data);
    if (!feedback) return;
    const outcome = await recordMailFeedback(deps, feedback);
    logger.info('Mail feedback', { mailId: feedback.mailId, outcome: feedback.outcome, recorded: outcome === 'recorded' });
  });
