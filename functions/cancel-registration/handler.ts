import { readConfig } from '../../shared/config';
import { httpHandler, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { cancelOwnRegistration } from '../../shared/use-cases/cancel';
import { registrationDeps } from '../../shared/composition/wiring';
import { cancelRegistrationSchema, contract } from './schema';

const config = readConfig(['TABLE_NAME', 'PUBLIC_BASE_URL']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) => {
  const registrationId = pathParameter(event, 'registrationId');
  // A missing or malformed token is answered like a wrong one (404): nothing to learn from probing.
  const parsed = cancelRegistrationSchema.safeParse(event.parsedBody);
  const token = parsed.success ? parsed.data.token : undefined;
  const outcome = await cancelOwnRegistration(deps, registrationId, token);
  if (event.bodyFormat === 'form') return reply.seeOther(`${config.PUBLIC_BASE_URL}/registrations/${registrationId}?token=${encodeURIComponent(token!)}`);
  return reply.json(200, outcome);
}, contract);
