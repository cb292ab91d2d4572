import { MAIL_SETTINGS, readConfig } from '../../shared/config';
import { mailStreamHandler } from '../../shared/mail-stream-handler';
import { certificateExtras } from '../../shared/wiring-certificates';
import { mailDeps } from '../../shared/wiring-mail';

const config = readConfig(MAIL_SETTINGS);

/** New certificate mails: the same delivery as send-mail, with the PDF attached. */
export const handler = mailStreamHandler({ ...mailDeps(config), extras: certificateExtras(config.TABLE_NAME, config.PUBLIC_BASE_URL) });
