import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { registrationDeps } from '../../shared/composition/wiring';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { doorList } from '../../shared/use-cases/registrations';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['door-list']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) => reply.json(200, { items: await doorList(deps, organisationOf(event), pathParameter(event, 'eventId')) }), contract);
