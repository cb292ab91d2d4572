import { MAIL_SETTINGS, readConfig } from '../../shared/config';
import { mailStreamHandler } from '../../shared/triggers/mail-stream';
import { mailDeps } from '../../shared/composition/mail';

export const handler = mailStreamHandler(mailDeps(readConfig(MAIL_SETTINGS)));
