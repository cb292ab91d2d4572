import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { callerOf, httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { needsSummary } from '../../shared/use-cases/registrations';
import { registrationDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['needs-summary']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) =>
  reply.json(200, await needsSummary(deps, organisationOf(event), pathParameter(event, 'eventId'), { names: event.queryStringParameters?.names === 'true', caller: callerOf(event) })),
);
