import { readConfig } from '../../shared/config';
import { DOOR_ROLES } from '../../shared/http/claims';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { json } from '../../shared/http/responses';
import { setCheckIn } from '../../shared/use-cases/check-in';
import { registrationDeps } from '../../shared/composition/wiring';

const config = readConfig(['TABLE_NAME']);
const deps = registrationDeps(config.TABLE_NAME);

export const handler = httpHandler(
  async (event) =>
    json(200, await setCheckIn(deps, organisationOf(event), pathParameter(event, 'eventId'), pathParameter(event, 'registrationId'), false)),
  { roles: DOOR_ROLES },
);
