import { MAIL_SETTINGS, readConfig } from '../../shared/config';
import { mailDeps } from '../../shared/composition/mail';
import { mailSweepHandler } from '../../shared/triggers/mail-sweep';

/** Every minute: mail whose earlier attempt failed, once its backoff has passed. Certificates have their own sweep. */
export const handler = mailSweepHandler(mailDeps(readConfig(MAIL_SETTINGS)), 'Mail retry sweep');
