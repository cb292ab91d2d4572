import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { eventsDeps } from '../../shared/composition/wiring';
import { httpHandler, organisationOf } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { listDoorEvents } from '../../shared/use-cases/events';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['door-events']);
const deps = eventsDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) => reply.json(200, await listDoorEvents(deps, organisationOf(event))), contract);
