import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { MailOutbox } from '../../shared/adapters/dynamo/mail-outbox';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { parkedMailOfEvent } from '../../shared/use-cases/parked-mail';
import { eventsDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['list-failed-mail']);
const deps = { ...eventsDeps(config.TABLE_NAME), outbox: new MailOutbox(config.TABLE_NAME, config.MAIL_RETRY_BASE_SECONDS) };
const reply = responder(contract);

export const handler = httpHandler(async (event) => reply.json(200, await parkedMailOfEvent(deps, organisationOf(event), pathParameter(event, 'eventId'))));
