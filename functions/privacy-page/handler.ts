import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { header, httpHandler, pathParameter } from '../../shared/http/handler';
import { pickLanguage } from '../../shared/i18n/format';
import { renderPrivacyPage } from '../../shared/pages/privacy-page';
import { responder } from '../../shared/schemas/contract';
import { eventsDeps } from '../../shared/composition/wiring';
import { getPrivacyNotice } from '../../shared/use-cases/privacy-notice';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['privacy-page']);
const deps = eventsDeps(config.TABLE_NAME);
const reply = responder(contract);

// Lambda sets AWS_REGION itself (and refuses it as a setting), so it is read here, not through readConfig.
const region = process.env.AWS_REGION;
if (!region) throw new Error('Invalid configuration: AWS_REGION: the region this function runs in is not set');

export const handler = httpHandler(async (event) => {
  const notice = await getPrivacyNotice(deps, pathParameter(event, 'eventId'));
  const language = pickLanguage(event.queryStringParameters?.lang, header(event, 'accept-language'), notice.language);
  return reply.page(200, renderPrivacyPage({ notice, language, region }));
});
