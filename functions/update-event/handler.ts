import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { json } from '../../shared/http/responses';
import { parseInput } from '../../shared/http/validation';
import { updateEvent } from '../../shared/use-cases/events';
import { schedulingDeps } from '../../shared/composition/wiring';
import { updateEventSchema } from './schema';

const config = readConfig(['TABLE_NAME']);
const deps = schedulingDeps(config.TABLE_NAME);

export const handler = httpHandler(
  async (event) => {
    const changes = parseInput(updateEventSchema, event.parsedBody);
    return json(200, await updateEvent(deps, organisationOf(event), pathParameter(event, 'eventId'), changes));
  },
  { body: { accept: ['json'], maxBytes: 64 * 1024 } },
);
