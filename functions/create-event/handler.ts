import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf } from '../../shared/http/handler';
import { parseInput } from '../../shared/http/validation';
import { responder } from '../../shared/schemas/contract';
import { createEvent } from '../../shared/use-cases/events';
import { schedulingDeps } from '../../shared/composition/wiring';
import { contract, createEventSchema } from './schema';

const config = readConfig(FUNCTION_SETTINGS['create-event']);
const deps = schedulingDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) => {
  const input = parseInput(createEventSchema, event.parsedBody);
  const created = await createEvent(deps, organisationOf(event), input);
  return reply.json(201, created, { location: `/admin/events/${created.id}` });
}, contract);
