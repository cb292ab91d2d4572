import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { getPublicEvent } from '../../shared/use-cases/events';
import { eventsDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['get-public-event']);
const deps = eventsDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) => reply.json(200, await getPublicEvent(deps, pathParameter(event, 'eventId'))));
