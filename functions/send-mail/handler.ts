import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { mailStreamHandler } from '../../shared/triggers/mail-stream';
import { mailDeps } from '../../shared/composition/mail';

export const handler = mailStreamHandler(mailDeps(readConfig(FUNCTION_SETTINGS['send-mail'])));
