import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { header, httpHandler, pathParameter } from '../../shared/http/handler';
import { pickLanguage } from '../../shared/i18n/format';
import { renderRegistrationStatusPage } from '../../shared/pages/registration-status-page';
import { responder } from '../../shared/schemas/contract';
import { ownRegistrationStatus } from '../../shared/use-cases/cancel';
import { registrationDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['registration-status']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

/** The personal link: an HTML page, or JSON for `Accept: application/json`. Reading never changes anything. */
export const handler = httpHandler(async (event) => {
  const token = event.queryStringParameters?.token;
  const status = await ownRegistrationStatus(deps, pathParameter(event, 'registrationId'), token);
  if ((header(event, 'accept') ?? '').includes('application/json')) return reply.json(200, status.view);
  const language = pickLanguage(event.queryStringParameters?.lang, undefined, status.registration.language);
  return reply.page(200, renderRegistrationStatusPage({
    ...status,
    waitlistPosition: status.view.waitlistPosition,
    token: token!,
    language,
    releaseRequested: event.queryStringParameters?.release === '1',
    eraseRequested: event.queryStringParameters?.erase === '1',
  }), {
    // The URL carries a secret: keep it out of Referer headers and shared caches.
    'cache-control': 'no-store, private',
  });
});
