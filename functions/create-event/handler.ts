import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf } from '../../shared/http/handler';
import { json } from '../../shared/http/responses';
import { parseInput } from '../../shared/http/validation';
import { createEvent } from '../../shared/use-cases/events';
import { schedulingDeps } from '../../shared/composition/wiring';
import { createEventSchema } from './schema';

const config = readConfig(['TABLE_NAME']);
const deps = schedulingDeps(config.TABLE_NAME);

export const handler = httpHandler(
  async (event) => {
    const input = parseInput(createEventSchema, event.parsedBody);
    const created = await createEvent(deps, organisationOf(event), input);
    return json(201, created, { location: `/admin/events/${created.id}` });
  },
  { body: { accept: ['json'], maxBytes: 64 * 1024 } },
);
