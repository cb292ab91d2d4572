import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { header, httpHandler, pathParameter } from '../../shared/http/handler';
import { pickLanguage } from '../../shared/i18n/format';
import { FORM_RESULTS, renderRegistrationPage } from '../../shared/pages/registration-page';
import { responder } from '../../shared/schemas/contract';
import { getPublicEvent } from '../../shared/use-cases/events';
import { eventsDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['registration-form']);
const deps = eventsDeps(config.TABLE_NAME);
const reply = responder(contract);


export const handler = httpHandler(async (event) => {
  const publicEvent = await getPublicEvent(deps, pathParameter(event, 'eventId'));
  const query = event.queryStringParameters ?? {};
  const language = pickLanguage(query.lang, header(event, 'accept-language'), publicEvent.language);
  const status = FORM_RESULTS.find((candidate) => candidate === query.status);
  const position = Number.parseInt(query.position ?? '', 10);
  return reply.page(200, renderRegistrationPage({
    event: publicEvent,
    language,
    result: status ? { status, position: Number.isFinite(position) && position > 0 ? position : undefined } : undefined,
  }));
});
