import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { json } from '../../shared/http/responses';
import { cancelEvent } from '../../shared/use-cases/events';
import { schedulingDeps } from '../../shared/composition/wiring';

const config = readConfig(['TABLE_NAME']);
const deps = schedulingDeps(config.TABLE_NAME);

export const handler = httpHandler(async (event) => json(200, await cancelEvent(deps, organisationOf(event), pathParameter(event, 'eventId'))));
