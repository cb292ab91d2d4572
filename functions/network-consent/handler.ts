import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, pathParameter } from '../../shared/http/handler';
import { personalPageUrl } from '../../shared/http/personal-page';
import { responder } from '../../shared/schemas/contract';
import { setOwnNetworkConsent } from '../../shared/use-cases/network';
import { registrationDeps } from '../../shared/composition/wiring';
import { contract, networkConsentSchema } from './schema';

const config = readConfig(FUNCTION_SETTINGS['network-consent']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

export const handler = httpHandler(async (event) => {
  const registrationId = pathParameter(event, 'registrationId');
  // As on the other buttons, a body without a usable token is a wrong token (404): probing teaches nothing.
  const parsed = networkConsentSchema.safeParse(event.parsedBody);
  const input = parsed.success ? parsed.data : undefined;
  const outcome = await setOwnNetworkConsent(deps, registrationId, input?.token, input?.show === 'on');
  if (event.bodyFormat === 'form') return reply.seeOther(`${personalPageUrl(config.PUBLIC_BASE_URL, registrationId, input!.token)}${input!.language ? `&lang=${input!.language}` : ''}`);
  return reply.json(200, outcome);
}, contract);
