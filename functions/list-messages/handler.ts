import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { listMessages } from '../../shared/use-cases/messages';
import { schedulingDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['list-messages']);
const deps = schedulingDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) => reply.json(200, await listMessages(deps, organisationOf(event), pathParameter(event, 'eventId'))));
