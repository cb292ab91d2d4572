import type { MailQueue } from '../adapters/dynamo/keys';
import { MailOutbox } from '../adapters/dynamo/mail-outbox';
import { MailingRepository } from '../adapters/dynamo/mailing-repository';
import { RateLimitedMailer } from '../adapters/rate-limited-mailer';
import { SesMailer } from '../adapters/ses-mailer';
import type { MAIL_SETTINGS, Settings } from '../config';
import type { MailDeps } from '../use-cases/deps';
import { registrationDeps } from './wiring';

/** Real adapters for the mail functions; apart from wiring.ts so HTTP bundles carry no MIME code. */
/** `queue`: the mail queue this function claims from and sweeps (see keys.mailQueue). */
export const mailDeps = (config: Pick<Settings, (typeof MAIL_SETTINGS)[number]>, queue: MailQueue = 'retry'): MailDeps => ({
  ...registrationDeps(config.TABLE_NAME),
  outbox: new MailOutbox(config.TABLE_NAME, config.MAIL_RETRY_BASE_SECONDS, queue),
  mailer: new RateLimitedMailer(new SesMailer(config.MAIL_CONFIGURATION_SET), config.MAIL_RATE_PER_SECOND),
  mailFrom: config.MAIL_FROM,
  publicBaseUrl: config.PUBLIC_BASE_URL,
  messages: new MailingRepository(config.TABLE_NAME),
});
