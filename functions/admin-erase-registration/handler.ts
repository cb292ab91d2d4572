import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { eraseForOrganiser } from '../../shared/use-cases/data-rights';
import { registrationDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['admin-erase-registration']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

/** An organiser erases a person's data on their request (by phone, by letter). */
export const handler = httpHandler(async (event) =>
  reply.json(200, await eraseForOrganiser(deps, organisationOf(event), pathParameter(event, 'eventId'), pathParameter(event, 'registrationId'))),
);
