import { readConfig } from '../../shared/config';
import { httpHandler, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { confirmOwnAddress } from '../../shared/use-cases/address-confirmation';
import { registrationDeps } from '../../shared/composition/wiring';
import { confirmRegistrationSchema, contract } from './schema';

const config = readConfig(['TABLE_NAME', 'PUBLIC_BASE_URL']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

/** The button behind the link in the confirmation request: opening the link (a GET) changes nothing, this POST confirms. */
export const handler = httpHandler(async (event) => {
  const registrationId = pathParameter(event, 'registrationId');
  // A missing or malformed token is answered like a wrong one (404): nothing to learn from probing.
  const parsed = confirmRegistrationSchema.safeParse(event.parsedBody);
  const token = parsed.success ? parsed.data.token : undefined;
  const outcome = await confirmOwnAddress(deps, registrationId, token);
  if (event.bodyFormat === 'form') return reply.seeOther(`${config.PUBLIC_BASE_URL}/registrations/${registrationId}?token=${encodeURIComponent(token!)}`);
  return reply.json(200, outcome);
}, contract);
