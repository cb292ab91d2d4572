import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { mailDeps } from '../../shared/composition/mail';
import { mailSweepHandler } from '../../shared/triggers/mail-sweep';

/** Every minute: mail whose earlier attempt failed, once its backoff has passed. Certificates have their own sweep. */
export const handler = mailSweepHandler(mailDeps(readConfig(FUNCTION_SETTINGS['retry-mail'])), 'Mail retry sweep');
