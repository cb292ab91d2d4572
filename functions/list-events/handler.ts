import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf } from '../../shared/http/handler';
import { json } from '../../shared/http/responses';
import { listEvents } from '../../shared/use-cases/events';
import { eventsDeps } from '../../shared/composition/wiring';

const config = readConfig(['TABLE_NAME']);
const deps = eventsDeps(config.TABLE_NAME);

export const handler = httpHandler(async (event) => json(200, await listEvents(deps, organisationOf(event))));
