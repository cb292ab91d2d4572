import { readConfig } from '../../shared/config';
import { registrationDeps } from '../../shared/composition/wiring';
import { DOOR_ROLES } from '../../shared/http/claims';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { json } from '../../shared/http/responses';
import { doorList } from '../../shared/use-cases/registrations';

const config = readConfig(['TABLE_NAME']);
const deps = registrationDeps(config.TABLE_NAME);

export const handler = httpHandler(async (event) => json(200, { items: await doorList(deps, organisationOf(event), pathParameter(event, 'eventId')) }), { roles: DOOR_ROLES });
