import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { DomainError, ValidationFailed } from '../../shared/domain/errors';
import { header, httpHandler, pathParameter, type HttpEvent } from '../../shared/http/handler';
import { fieldErrors, parseInput } from '../../shared/http/validation';
import { pickLanguage } from '../../shared/i18n/format';
import { renderRegistrationPage, type FormResult } from '../../shared/pages/registration-page';
import { responder } from '../../shared/schemas/contract';
import { getPublicEvent } from '../../shared/use-cases/events';
import { register, type RetryOptions } from '../../shared/use-cases/register';
import { registrationDeps } from '../../shared/composition/wiring';
import { HONEYPOT_FIELD, contract, formToRegistration, registrationHeaders, registrationSchema } from './schema';

const config = readConfig(FUNCTION_SETTINGS['register']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

const resultPage = (eventId: string, language: string, status: FormResult, position?: number) =>
  `${config.PUBLIC_BASE_URL}/events/${eventId}/register?${new URLSearchParams({ lang: language, status, ...(position ? { position: String(position) } : {}) })}`;

/** A JSON client's plain retry is recognised by its body; a form post only by an Idempotency-Key (see RetryOptions). */
function retryOptions(event: HttpEvent, byBody: boolean): RetryOptions {
  const headers = parseInput(registrationHeaders, { 'Idempotency-Key': header(event, 'idempotency-key') });
  return { ...(headers['Idempotency-Key'] !== undefined ? { idempotencyKey: headers['Idempotency-Key'] } : {}), byBody };
}

/**
 * The hosted form posts here without JavaScript: success is a 303 to the result page, and a
 * mistake re-renders the form with the person's input and errors tied to each field.
 */
async function registerFromForm(event: HttpEvent, eventId: string) {
  const form = event.parsedBody as Record<string, string>;
  const publicEvent = await getPublicEvent(deps, eventId);
  const language = pickLanguage(form.language, undefined, publicEvent.language);
  // A bot is told what a person is told, so it learns nothing from the answer.
  if (form[HONEYPOT_FIELD]) return reply.seeOther(resultPage(eventId, language, publicEvent.addressConfirmationRequired ? 'pending' : 'received'));

  const parsed = registrationSchema.safeParse(formToRegistration(form));
  if (!parsed.success) {
    return reply.page(400, renderRegistrationPage({ event: publicEvent, language, values: form, errors: fieldErrors(parsed.error) }));
  }
  try {
    const outcome = await register(deps, eventId, parsed.data, retryOptions(event, false));
    return reply.seeOther(resultPage(eventId, language, outcome.status, 'waitlistPosition' in outcome ? outcome.waitlistPosition : undefined));
  } catch (error) {
    // Answers the event's questions refuse go back to their fields; a conflict (already registered, closed, full) is told
    // on the form; anything else, such as an unknown event, is a problem.
    if (error instanceof ValidationFailed) return reply.page(400, renderRegistrationPage({ event: publicEvent, language, values: form, errors: error.errors ?? [] }));
    if (!(error instanceof DomainError) || error.status !== 409) throw error;
    return reply.page(409, renderRegistrationPage({ event: publicEvent, language, values: form, notice: error.message }));
  }
}

export const handler = httpHandler(async (event) => {
  const eventId = pathParameter(event, 'eventId');
  if (event.bodyFormat === 'form') return registerFromForm(event, eventId);
  const outcome = await register(deps, eventId, parseInput(registrationSchema, event.parsedBody), retryOptions(event, true));
  return outcome.status === 'pending' ? reply.json(202, outcome) : reply.json(201, outcome);
}, contract);
