import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { remindersOf } from '../../shared/use-cases/mailings';
import { mailingDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['list-reminders']);
const deps = mailingDeps(config.TABLE_NAME, config.MAIL_RETRY_BASE_SECONDS);
const reply = responder(contract);

export const handler = httpHandler(async (event) => reply.json(200, await remindersOf(deps, organisationOf(event), pathParameter(event, 'eventId'))));
