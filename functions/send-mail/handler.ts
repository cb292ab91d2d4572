import { MAIL_SETTINGS, readConfig } from '../../shared/config';
import { mailStreamHandler } from '../../shared/mail-stream-handler';
import { mailDeps } from '../../shared/wiring-mail';

export const handler = mailStreamHandler(mailDeps(readConfig(MAIL_SETTINGS)));
