import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { cancelForOrganiser } from '../../shared/use-cases/cancel';
import { registrationDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['admin-cancel-registration']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) =>
  reply.json(200, await cancelForOrganiser(deps, organisationOf(event), pathParameter(event, 'eventId'), pathParameter(event, 'registrationId'))),
);
