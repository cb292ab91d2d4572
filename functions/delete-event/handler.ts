import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { deleteEvent } from '../../shared/use-cases/events';
import { schedulingDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['delete-event']);
const deps = schedulingDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) => reply.json(200, await deleteEvent(deps, organisationOf(event), pathParameter(event, 'eventId'))));
