import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, pathParameter } from '../../shared/http/handler';
import { personalPageUrl, tokenFrom } from '../../shared/http/personal-page';
import { responder } from '../../shared/schemas/contract';
import { confirmOwnAddress } from '../../shared/use-cases/address-confirmation';
import { registrationDeps } from '../../shared/composition/wiring';
import { confirmRegistrationSchema, contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['confirm-registration']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

/** The button behind the link in the confirmation request: opening the link (a GET) changes nothing, this POST confirms. */
export const handler = httpHandler(async (event) => {
  const registrationId = pathParameter(event, 'registrationId');
  const token = tokenFrom(confirmRegistrationSchema, event.parsedBody);
  const outcome = await confirmOwnAddress(deps, registrationId, token);
  if (event.bodyFormat === 'form') return reply.seeOther(personalPageUrl(config.PUBLIC_BASE_URL, registrationId, token!));
  return reply.json(200, outcome);
}, contract);
