import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { certificateExtras } from '../../shared/composition/certificates';
import { mailDeps } from '../../shared/composition/mail';
import { mailSweepHandler } from '../../shared/triggers/mail-sweep';

const config = readConfig(FUNCTION_SETTINGS['send-certificate']);

/**
 * Every minute: certificate mails, new and retried, with their PDF. The only mail function
 * that carries the PDF renderer; the others stay small and start fast.
 */
export const handler = mailSweepHandler(
  { ...mailDeps(config, 'certificate'), extras: certificateExtras(config.TABLE_NAME, config.PUBLIC_BASE_URL) },
  'Certificate mail sweep',
);
