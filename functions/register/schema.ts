import { emailAddress, language, personText, printableOnCertificate, visibleText } from '../../shared/schemas/common';
import { described, type Operation } from '../../shared/schemas/contract';
import { htmlPage, registrationOutcome, registrationPending } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

export const registrationSchema = z
  .strictObject({
    /** Printed on the certificate of attendance, so only in characters its font can draw. */
    name: z.pipe(visibleText(200), printableOnCertificate(z.string().check(z.minLength(1, { error: 'is required' })))),
    email: emailAddress,
    organisation: z.optional(visibleText(200)),
    role: z.optional(visibleText(200)),
    language: z.optional(language),
    accessibilityNeeds: z.optional(personText(1000, { multiline: true })),
    dietaryNeeds: z.optional(personText(500, { multiline: true })),
    consent: z.literal(true, { error: 'must be true: we need your consent to store your details' }),
    /**
     * Accessibility and dietary needs can reveal health or religion (special categories, GDPR
     * article 9): they need an explicit consent of their own.
     */
    needsConsent: z.optional(z.literal(true, { error: 'must be true when you tell us about accessibility or dietary needs' })),
    /** Show my name, organisation and role to the event's other participants (from the registration deadline; off unless given, withdrawn on the personal page). */
    networkConsent: z.optional(z.literal(true, { error: 'must be true, or left out to keep your details from the other participants' })),
    /** Answers to the event's questions by question id: text, an option id, option ids, or yes/no. The event's questions decide which are valid. */
    answers: z.optional(
      z.record(
        z.string().check(z.maxLength(40)),
        z.union([personText(2000, { multiline: true }), z.array(z.string().check(z.maxLength(40))).check(z.maxLength(30)), z.boolean()]),
      ),
    ),
  })
  .check(
    z.refine((registration) => (!registration.accessibilityNeeds && !registration.dietaryNeeds) || registration.needsConsent === true, {
      path: ['needsConsent'],
      error: 'must be true when you tell us about accessibility or dietary needs: we need your explicit consent to keep them',
    }),
  )
  .register(z.globalRegistry, { id: 'Registration' });

export type RegistrationRequest = z.infer<typeof registrationSchema>;

/** Honeypot field of the hosted form: invisible to people, filled in by bots. */
export const HONEYPOT_FIELD = 'website';

/**
 * An HTML form sends strings: a ticked checkbox is "on", an empty field is "". Turn that into
 * the JSON shape so both paths meet the same schema.
 */
export function formToRegistration(form: Record<string, string>): Record<string, unknown> {
  const candidate: Record<string, unknown> = {};
  const answers: Record<string, string | string[] | boolean> = {};
  for (const [key, value] of Object.entries(form)) {
    if (key === HONEYPOT_FIELD || value.trim() === '') continue;
    const answer = /^answers\.([^.]+)(?:\.([^.]+))?$/.exec(key);
    if (answer) {
      const [, questionId, optionId] = answer as unknown as [string, string, string | undefined];
      // A ticked box of a multiple choice is `answers.<question>.<option>`; yes/no arrives as the word.
      if (optionId) answers[questionId] = [...((answers[questionId] as string[] | undefined) ?? []), optionId];
      else answers[questionId] = value === 'yes' ? true : value === 'no' ? false : value;
      continue;
    }
    candidate[key] = key === 'consent' || key === 'needsConsent' || key === 'networkConsent' ? value === 'on' || value === 'true' : value;
  }
  if (Object.keys(answers).length > 0) candidate.answers = answers;
  return candidate;
}

const formText = z.optional(z.string());

/** The hosted form's post as a browser sends it; formToRegistration turns it into the JSON body above. */
export const registrationFormSchema = z
  .catchall(z.object({
    name: z.string(),
    email: z.string(),
    organisation: formText,
    role: formText,
    language: formText,
    accessibilityNeeds: formText,
    dietaryNeeds: formText,
    consent: z.enum(['on', 'true']),
    needsConsent: z.optional(z.enum(['on', 'true'])),
    networkConsent: z.optional(z.enum(['on', 'true'])),
    [HONEYPOT_FIELD]: z.optional(z.string().register(z.globalRegistry, { description: 'Left empty by people; a bot that fills it in is told its post was received, and nothing is stored.' })),
  }),
  // The event's questions: `answers.<question>` (text, an option id, yes or no) and `answers.<question>.<option>` (a ticked box).
  z.string())
  .register(z.globalRegistry, {
    id: 'RegistrationForm',
    description: 'The fields of the hosted form, as strings; an empty field counts as absent, a ticked consent box is `on`. A mistake re-renders the form (400).',
  });

/** Printable ASCII, as the Idempotency-Key draft (draft-ietf-httpapi-idempotency-key-header) has it. */
export const registrationHeaders = z.object({
  'Idempotency-Key': z.optional(
    described(
      z.string().check(z.minLength(1), z.maxLength(255), z.regex(/^[\x20-\x7e]+$/, { error: 'must be printable ASCII' })),
      'Makes the registration safe to retry for 24 hours: a request that timed out or was answered `503` (with `Retry-After`) may be sent again with the same key and the same body, and is answered as the first one was (`201` or `202`, the same `registrationId`, its status now), never `409 already-registered`; nothing is written or mailed twice. Without the header a JSON request with exactly the same body is treated the same way for 10 minutes. The same key with another body is not a retry (an address registered already is then `409 already-registered`). The key is matched only against the registration of the address in the body.',
    ),
  ),
});

const formPage = (description: string) => ({ description, content: { 'text/html': htmlPage } });

export const contract = {
  body: { schema: registrationSchema, formSchema: registrationFormSchema, accept: ['json', 'form'], maxBytes: 16 * 1024 },
  headers: registrationHeaders,
  responses: {
    201: {
      description:
        'Registered (events without address confirmation): a seat, or a place on the waitlist. A confirmation or waitlist mail follows. A retry of a request that registered (after a timeout or a `503`: try again after `Retry-After` seconds, with the same body and `Idempotency-Key`) gets this answer again, with the same `registrationId`.',
      content: { 'application/json': registrationOutcome },
    },
    202: {
      description:
        'Events with address confirmation (`emailConfirmation: required`): received. A mail asks the address’s owner to confirm; the seat or waitlist place is held until `confirmationWindow` has passed. An address that is registered already gets the same answer, and a mail with its personal link instead.',
      content: { 'application/json': registrationPending },
    },
    303: {
      description: 'The hosted form was posted and accepted: on to its result page.',
      headers: { Location: { description: 'The result page: `/events/{eventId}/register?lang=…&status=confirmed|waitlisted|pending|received[&position=…]`.', required: true } },
    },
    400: formPage('A hosted-form post with mistakes: the form again, with what was typed and an error at each field.'),
    409: formPage('A hosted-form post that cannot be registered (already registered, closed, full): the form again with the reason.'),
  },
  conflicts: ['already-registered', 'registration-closed', 'event-full'],
} satisfies Operation;
