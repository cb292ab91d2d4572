import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { parseInput } from '../../shared/http/validation';
import { responder } from '../../shared/schemas/contract';
import { checkInByCode } from '../../shared/use-cases/check-in';
import { registrationDeps } from '../../shared/composition/wiring';
import { checkInByCodeSchema, contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['check-in-by-code']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) => {
  const { code, at } = parseInput(checkInByCodeSchema, event.parsedBody);
  return reply.json(200, await checkInByCode(deps, organisationOf(event), pathParameter(event, 'eventId'), code, at));
}, contract);
