import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { httpHandler, pathParameter } from '../../shared/http/handler';
import { languageFrom, tokenFrom } from '../../shared/http/personal-page';
import { renderErasedPage } from '../../shared/pages/registration-status-page';
import { responder } from '../../shared/schemas/contract';
import { eraseOwnRegistration } from '../../shared/use-cases/data-rights';
import { registrationDeps } from '../../shared/composition/wiring';
import { contract, eraseRegistrationSchema } from './schema';

const config = readConfig(FUNCTION_SETTINGS['erase-registration']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

/** "Delete my data", after the personal page's confirmation step. */
export const handler = httpHandler(async (event) => {
  const outcome = await eraseOwnRegistration(deps, pathParameter(event, 'registrationId'), tokenFrom(eraseRegistrationSchema, event.parsedBody));
  if (event.bodyFormat !== 'form') return reply.json(200, outcome);
  // Nothing is left to take a language from: the page's own form says which it was in.
  return reply.page(200, renderErasedPage(languageFrom(eraseRegistrationSchema, event.parsedBody)));
}, contract);
