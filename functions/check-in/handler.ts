import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { parseInput } from '../../shared/http/validation';
import { responder } from '../../shared/schemas/contract';
import { setCheckIn } from '../../shared/use-cases/check-in';
import { registrationDeps } from '../../shared/composition/wiring';
import { checkInSchema, contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['check-in']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(
  async (event) =>
    reply.json(
      200,
      await setCheckIn(deps, organisationOf(event), pathParameter(event, 'eventId'), pathParameter(event, 'registrationId'), true, parseInput(checkInSchema, event.parsedBody ?? {}).at),
    ),
  contract,
);
