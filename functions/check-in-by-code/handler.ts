import { readConfig } from '../../shared/config';
import { DOOR_ROLES } from '../../shared/http/claims';
import { httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { json } from '../../shared/http/responses';
import { parseInput } from '../../shared/http/validation';
import { checkInByCode } from '../../shared/use-cases/check-in';
import { registrationDeps } from '../../shared/composition/wiring';
import { checkInByCodeSchema } from './schema';

const config = readConfig(['TABLE_NAME']);
const deps = registrationDeps(config.TABLE_NAME);

export const handler = httpHandler(
  async (event) => {
    const { code } = parseInput(checkInByCodeSchema, event.parsedBody);
    return json(200, await checkInByCode(deps, organisationOf(event), pathParameter(event, 'eventId'), code));
  },
  { body: { accept: ['json'], maxBytes: 1024 }, roles: DOOR_ROLES },
);
