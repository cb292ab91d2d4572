import { MAX_BODY_CHARACTERS, MAX_SUBJECT_CHARACTERS, MESSAGE_AUDIENCES } from '../../shared/domain/message';
import { described, type Operation } from '../../shared/schemas/contract';
import { FORMAT_CHARACTERS, hasVisibleCharacter, personText, visibleText } from '../../shared/schemas/common';
import * as z from '../../shared/schemas/zod';

const required = (text: ReturnType<typeof personText>) => z.pipe(text, z.string().check(z.minLength(1, { error: 'must not be empty' })));

/** One line, like an event title: what the inbox shows. */
const subjectText = required(visibleText(MAX_SUBJECT_CHARACTERS));

/** Plain text over lines and paragraphs; like a subject, nothing invisible or direction-changing in it. */
const bodyText = required(
  personText(MAX_BODY_CHARACTERS, { multiline: true }).check(
    z.refine((value) => !FORMAT_CHARACTERS.test(value), { error: 'must not contain invisible or direction-changing characters' }),
    z.refine((value) => value.length === 0 || hasVisibleCharacter(value), { error: 'must contain at least one visible character' }),
  ),
);

const inLanguages = <S extends z.core.$ZodType>(text: S) => z.strictObject({ nl: z.optional(text), en: z.optional(text) });
const languagesOf = (texts: { nl?: string; en?: string }) => ['nl', 'en'].filter((language) => texts[language as 'nl' | 'en'] !== undefined).join(',');

export const sendMessageSchema = z
  .strictObject({
    subject: described(inLanguages(subjectText), `The subject in Dutch (\`nl\`), English (\`en\`) or both; one line, at most ${MAX_SUBJECT_CHARACTERS} characters.`),
    body: described(
      inLanguages(bodyText),
      `The text in the same languages as the subject: plain text, at most ${MAX_BODY_CHARACTERS} characters; a blank line starts a paragraph and http(s) URLs become links, nothing else is interpreted.`,
    ),
    audience: described(
      z.enum(MESSAGE_AUDIENCES),
      '`confirmed`: seat holders (not `pending`); `waitlisted`: on the waitlist; `attended`: checked in; `all`: every registration not cancelled.',
    ),
  })
  .check(
    z.refine((message) => languagesOf(message.subject) !== '', { error: 'give the subject in nl, en or both', path: ['subject'] }),
    z.refine((message) => languagesOf(message.subject) === languagesOf(message.body), { error: 'give the body in the same languages as the subject', path: ['body'] }),
  )
  .register(z.globalRegistry, { id: 'SendMessage' });

/** Printable ASCII, as the Idempotency-Key draft (RFC draft-ietf-httpapi-idempotency-key-header) has it. */
export const idempotencyKeyHeaders = z.object({
  'Idempotency-Key': z.optional(
    described(
      z.string().check(z.minLength(1), z.maxLength(255), z.regex(/^[\x20-\x7e]+$/, { error: 'must be printable ASCII' })),
      'Makes the request safe to repeat: the same key with the same message answers with the first request’s message and mails nobody again; with another message it is a 409.',
    ),
  ),
});

/** What a message is, in the answer to sending it and in the list (functions/list-messages). */
export const messageFields = {
  id: described(z.string(), 'The message id: `message-` and a digest of the Idempotency-Key, or a new id without one.'),
  subject: z.strictObject({ nl: z.optional(z.string()), en: z.optional(z.string()) }),
  audience: z.enum(MESSAGE_AUDIENCES),
  createdAt: z.iso.datetime({ offset: true }),
};

export const message = z.strictObject(messageFields);
z.globalRegistry.add(message, { id: 'Message', description: 'A message to participants, as scheduled.' });

export const contract = {
  body: { schema: sendMessageSchema, accept: ['json'], maxBytes: 256 * 1024 },
  headers: idempotencyKeyHeaders,
  responses: {
    201: {
      description:
        'The message is scheduled and goes out within a minute, at the mail rate, once to each person in the audience (in their language where both are given). A request repeated with the same Idempotency-Key and message answers the same, and sends nothing again.',
      content: { 'application/json': message },
    },
  },
  conflicts: ['idempotency-key-reused'],
} satisfies Operation;
