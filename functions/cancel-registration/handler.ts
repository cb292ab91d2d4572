import { readConfig } from '../../shared/config';
import { httpHandler, pathParameter } from '../../shared/http/handler';
import { json, seeOther } from '../../shared/http/responses';
import { cancelOwnRegistration } from '../../shared/use-cases/cancel';
import { registrationDeps } from '../../shared/composition/wiring';
import { cancelRegistrationSchema } from './schema';

const config = readConfig(['TABLE_NAME', 'PUBLIC_BASE_URL']);
const deps = registrationDeps(config.TABLE_NAME);

export const handler = httpHandler(
  async (event) => {
    const registrationId = pathParameter(event, 'registrationId');
    // A missing or malformed token is answered like a wrong one (404): nothing to learn from probing.
    const parsed = cancelRegistrationSchema.safeParse(event.parsedBody);
    const token = parsed.success ? parsed.data.token : undefined;
    const outcome = await cancelOwnRegistration(deps, registrationId, token);
    if (event.bodyFormat === 'form') return seeOther(`${config.PUBLIC_BASE_URL}/registrations/${registrationId}?token=${encodeURIComponent(token!)}`);
    return json(200, outcome);
  },
  { body: { accept: ['json', 'form'], maxBytes: 4 * 1024 } },
);
