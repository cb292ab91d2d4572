import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { parseInput } from '../../shared/http/validation';
import { responder } from '../../shared/schemas/contract';
import { updateEvent } from '../../shared/use-cases/events';
import { schedulingDeps } from '../../shared/composition/wiring';
import { contract, updateEventSchema } from './schema';

const config = readConfig(FUNCTION_SETTINGS['update-event']);
const deps = schedulingDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) => {
  const changes = parseInput(updateEventSchema, event.parsedBody);
  return reply.json(200, await updateEvent(deps, organisationOf(event), pathParameter(event, 'eventId'), changes));
}, contract);
