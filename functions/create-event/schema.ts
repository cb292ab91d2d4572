import { DEFAULT_CONFIRMATION_WINDOW, DEFAULT_EMAIL_CONFIRMATION, DEFAULT_NEEDS_RETENTION, DEFAULT_RETENTION, DEFAULT_PROMOTION_CUTOFF, DEFAULT_REMINDERS, DEFAULT_TIME_ZONE, EMAIL_CONFIRMATION, PROMOTION_CUTOFF_BOUNDS, REMINDER_OFFSET_BOUNDS, RETENTION_BOUNDS } from '../../shared/domain/event';
import { CONFIRMATION_WINDOW_BOUNDS } from '../../shared/domain/registration';
import { isoDateTime, language, personText, printableOnCertificate, visibleText, timeZone } from '../../shared/schemas/common';
import { boundedDuration } from '../../shared/schemas/duration';
import * as z from '../../shared/schemas/zod';
import { MAX_QUESTIONS, QUESTION_TYPES } from '../../shared/domain/questions';
import type { Operation } from '../../shared/schemas/contract';
import { adminEvent } from '../../shared/schemas/responses';

/** Typed text that is still there once trimmed. */
const required = (text: ReturnType<typeof personText>) => z.pipe(text, z.string().check(z.minLength(1)));

export const venueSchema = z.strictObject({
  name: required(personText(200)),
  address: z.optional(personText(500)),
  onlineUrl: z.optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
});

export const programmeItemSchema = z.strictObject({
  startsAt: isoDateTime,
  title: required(visibleText(200)),
  speaker: z.optional(personText(200)),
});

export const certificateSchema = z.strictObject({
  enabled: z.boolean(),
  hours: z.number().check(z.positive(), z.maximum(1000), z.multipleOf(0.25, { error: 'must be in quarters of an hour, like 6.5' })),
  organiserName: printableOnCertificate(personText(200)),
  signatoryName: printableOnCertificate(personText(200)),
  signatoryTitle: printableOnCertificate(personText(200)),
  description: printableOnCertificate(personText(1000, { multiline: true })),
});

const texts = (max: number) =>
  z.strictObject({ nl: z.optional(required(visibleText(max))), en: z.optional(required(visibleText(max))) });

/** An organiser's question: the schema checks the shape, the domain (questionErrors) what ties its parts together. */
export const questionSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'must be lower-case letters, digits and dashes (at most 40), like what-to-learn' })),
    type: z.enum(QUESTION_TYPES),
    required: z._default(z.boolean(), false),
    hidden: z.optional(z.boolean()),
    label: texts(300),
    help: z.optional(texts(1000)),
    options: z.optional(
      z
        .array(z.strictObject({ id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'must be lower-case letters, digits and dashes' })), label: texts(200) }))
        .check(z.maxLength(30)),
    ),
  })
  .register(z.globalRegistry, { id: 'Question' });

/** Every event field once, without defaults, so a PATCH never resets what it does not name. */
export const eventFields = {
  // The title is printed on every certificate of the event.
  title: printableOnCertificate(required(visibleText(200))),
  description: personText(5000, { multiline: true }),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  timeZone,
  venue: venueSchema,
  capacity: z.int().check(z.minimum(1), z.maximum(100_000)),
  waitlistEnabled: z.boolean(),
  registrationOpensAt: isoDateTime,
  registrationClosesAt: isoDateTime,
  language,
  programme: z.array(programmeItemSchema).check(z.maxLength(100)),
  promotionCutoff: boundedDuration(PROMOTION_CUTOFF_BOUNDS),
  reminders: z.array(boundedDuration(REMINDER_OFFSET_BOUNDS)).check(z.maxLength(10)),
  certificate: z.partial(certificateSchema),
  emailConfirmation: z.enum(EMAIL_CONFIRMATION),
  retention: boundedDuration(RETENTION_BOUNDS),
  needsRetention: boundedDuration(RETENTION_BOUNDS),
  questions: z.array(questionSchema).check(z.maxLength(MAX_QUESTIONS)),
  controller: z.strictObject({
    name: required(personText(200)),
    contact: required(personText(300)),
  }),
  confirmationWindow: boundedDuration(CONFIRMATION_WINDOW_BOUNDS),
};

export const createEventSchema = z
  .strictObject({
    ...eventFields,
    description: z.optional(eventFields.description),
    timeZone: z._default(eventFields.timeZone, DEFAULT_TIME_ZONE),
    waitlistEnabled: z._default(eventFields.waitlistEnabled, true),
    registrationOpensAt: z.optional(eventFields.registrationOpensAt),
    registrationClosesAt: z.optional(eventFields.registrationClosesAt),
    language: z._default(eventFields.language, 'nl'),
    programme: z._default(eventFields.programme, []),
    promotionCutoff: z._default(eventFields.promotionCutoff, DEFAULT_PROMOTION_CUTOFF),
    reminders: z._default(eventFields.reminders, [...DEFAULT_REMINDERS]),
    certificate: z.optional(eventFields.certificate),
    emailConfirmation: z._default(eventFields.emailConfirmation, DEFAULT_EMAIL_CONFIRMATION),
    confirmationWindow: z._default(eventFields.confirmationWindow, DEFAULT_CONFIRMATION_WINDOW),
    retention: z._default(eventFields.retention, DEFAULT_RETENTION),
    needsRetention: z._default(eventFields.needsRetention, DEFAULT_NEEDS_RETENTION),
    controller: z.optional(eventFields.controller),
    questions: z._default(eventFields.questions, []),
  })
  .register(z.globalRegistry, { id: 'CreateEvent' });

export type CreateEventInput = z.infer<typeof createEventSchema>;

export const contract = {
  body: { schema: createEventSchema, accept: ['json'], maxBytes: 64 * 1024 },
  responses: {
    201: {
      description: 'The event as created, with its defaults filled in.',
      content: { 'application/json': adminEvent },
      headers: { Location: { description: "The event's URL: `/admin/events/{eventId}`.", required: true } },
    },
  },
} satisfies Operation;
