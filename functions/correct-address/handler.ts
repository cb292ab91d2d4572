import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { parseInput } from '../../shared/http/validation';
import { responder } from '../../shared/schemas/contract';
import { correctAddress } from '../../shared/use-cases/registrations';
import { registrationDeps } from '../../shared/composition/wiring';
import { contract, correctAddressSchema } from './schema';

const config = readConfig(FUNCTION_SETTINGS['correct-address']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) => {
  const { email } = parseInput(correctAddressSchema, event.parsedBody);
  return reply.json(200, await correctAddress(deps, organisationOf(event), pathParameter(event, 'eventId'), pathParameter(event, 'registrationId'), email));
}, contract);
