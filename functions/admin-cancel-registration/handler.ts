import { readConfig } from '../../shared/config';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { json } from '../../shared/http/responses';
import { cancelForOrganiser } from '../../shared/use-cases/cancel';
import { registrationDeps } from '../../shared/composition/wiring';

const config = readConfig(['TABLE_NAME']);
const deps = registrationDeps(config.TABLE_NAME);

export const handler = httpHandler(async (event) =>
  json(200, await cancelForOrganiser(deps, organisationOf(event), pathParameter(event, 'eventId'), pathParameter(event, 'registrationId'))),
);
