import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, pathParameter } from '../../shared/http/handler';
import { personalPageUrl, tokenFrom } from '../../shared/http/personal-page';
import { responder } from '../../shared/schemas/contract';
import { cancelOwnRegistration } from '../../shared/use-cases/cancel';
import { registrationDeps } from '../../shared/composition/wiring';
import { cancelRegistrationSchema, contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['cancel-registration']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) => {
  const registrationId = pathParameter(event, 'registrationId');
  const token = tokenFrom(cancelRegistrationSchema, event.parsedBody);
  const outcome = await cancelOwnRegistration(deps, registrationId, token);
  if (event.bodyFormat === 'form') return reply.seeOther(personalPageUrl(config.PUBLIC_BASE_URL, registrationId, token!));
  return reply.json(200, outcome);
}, contract);
