import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { confirmForOrganiser } from '../../shared/use-cases/address-confirmation';
import { registrationDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['admin-confirm-registration']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) =>
  reply.json(200, await confirmForOrganiser(deps, organisationOf(event), pathParameter(event, 'eventId'), pathParameter(event, 'registrationId'))),
);
