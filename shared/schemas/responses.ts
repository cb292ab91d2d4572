import { EMAIL_CONFIRMATION, LANGUAGES } from '../domain/event';
import { MAIL_KINDS } from '../domain/mail';
import { QUESTION_TYPES } from '../domain/questions';
import { described } from './contract';
import * as z from './zod';

/**
 * Every body the API answers with, once. Handlers shape their answers through these schemas
 * (see `responder` in contract.ts: the body must have the schema's type, checked by tsc, at no
 * cost at run time), `/openapi.json` is generated from them, and the integration tests check
 * every response against that document. Objects are strict: a field a handler sends that is
 * not declared here fails the integration test that provoked it.
 *
 * The ids name the components of the OpenAPI document (and the generated client types); they
 * share zod's global registry with the request schemas, so they must differ from those.
 */
function named<S extends z.core.$ZodType>(id: string, description: string, schema: S): S {
  z.globalRegistry.add(schema, { id, description });
  return schema;
}

const count = z.int().check(z.minimum(0));
const language = z.enum(LANGUAGES);
const registrationStatus = described(
  z.enum(['pending', 'confirmed', 'waitlisted', 'cancelled']),
  '`pending`: holds a seat or waitlist place until the person confirms their address (see `confirmBy`).',
);
const mailDelivery = described(
  z.enum(['delivered', 'bounced', 'complained', 'suppressed']),
  'What became of the latest mail to this person: delivered, bounced for good, marked as spam, or not sent (the address bounced or complained before).',
);

const instant = named('Instant', 'An ISO 8601 date-time with its offset (`Z` for UTC).', z.iso.datetime({ offset: true }));

// ---------------------------------------------------------------- errors

export const problem = named(
  'Problem',
  'RFC 9457 problem details. `type` is stable (`urn:event-registration:problem:<slug>`); validation failures list each field in `errors`. A 5xx never carries internal details.',
  z.strictObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.optional(z.string()),
    errors: z.optional(z.array(z.strictObject({ field: z.string(), message: z.string() }))),
  }),
);

export const gatewayMessage = named(
  'GatewayMessage',
  "API Gateway's own answer, given before any function runs: the JWT authorizer's `Unauthorized`, throttling's `Too Many Requests`, an unknown route's `Not Found`, a body over 10 MB, or an integration that crashed.",
  z.strictObject({ message: z.string() }),
);

// ---------------------------------------------------------------- events

export const venue = named(
  'Venue',
  'Where the event takes place: a place, an online URL, or both.',
  z.strictObject({ name: z.string(), address: z.optional(z.string()), onlineUrl: z.optional(z.string()) }),
);

export const programmeItem = named('ProgrammeItem', 'One item of the programme.', z.strictObject({ startsAt: instant, title: z.string(), speaker: z.optional(z.string()) }));

export const certificateSettings = named(
  'CertificateSettings',
  'What the certificate of attendance says; `enabled` decides whether there is one.',
  z.strictObject({
    enabled: z.boolean(),
    hours: z.optional(z.number()),
    organiserName: z.optional(z.string()),
    signatoryName: z.optional(z.string()),
    signatoryTitle: z.optional(z.string()),
    description: z.optional(z.string()),
  }),
);

const texts = z.strictObject({ nl: z.optional(z.string()), en: z.optional(z.string()) });
export const question = named(
  'EventQuestion',
  "One of the organiser's questions on the form; `hidden` ones are no longer asked, their answers kept.",
  z.strictObject({
    id: z.string(),
    type: z.enum(QUESTION_TYPES),
    required: z.boolean(),
    hidden: z.optional(z.boolean()),
    label: texts,
    help: z.optional(texts),
    options: z.optional(z.array(z.strictObject({ id: z.string(), label: texts }))),
  }),
);

export const adminEvent = named(
  'AdminEvent',
  "An event as its organiser sees it: every setting, and the counts of confirmed, waitlisted and cancelled registrations. Times are UTC instants; `timeZone` is the event's own.",
  z.strictObject({
    id: z.string(),
    organisationId: z.string(),
    title: z.string(),
    description: z.optional(z.string()),
    startsAt: instant,
    endsAt: instant,
    timeZone: z.string(),
    venue,
    capacity: z.int(),
    waitlistEnabled: z.boolean(),
    registrationOpensAt: z.optional(instant),
    registrationClosesAt: instant,
    language,
    programme: z.array(programmeItem),
    promotionCutoff: z.string(),
    reminders: z.array(z.string()),
    certificate: certificateSettings,
    emailConfirmation: described(z.enum(EMAIL_CONFIRMATION), '`required`: a registration holds its place until the person confirms their address from a mail; `off`: registered at once.'),
    confirmationWindow: described(z.string(), 'How long an unconfirmed registration holds its seat or waitlist place (ISO 8601 duration).'),
    retention: described(z.string(), "How long after the event's end registrations are deleted (ISO 8601 duration, at most P2Y)."),
    needsRetention: described(z.string(), "How long after the event's end accessibility and dietary needs are deleted (ISO 8601 duration, at most `retention`)."),
    questions: z.array(question),
    controller: z.optional(described(z.strictObject({ name: z.string(), contact: z.string() }), 'Who is responsible for the participants\' data, as the privacy page names them.')),
    createdAt: instant,
    updatedAt: instant,
    cancelledAt: z.optional(instant),
    counts: z.strictObject({
      confirmed: described(count, 'Seats held, including those of people who have not confirmed their address yet (see `pending`).'),
      waitlisted: described(count, 'People waiting, including those who have not confirmed their address yet.'),
      cancelled: count,
      pending: described(count, 'Registrations holding a seat or waitlist place whose address is not confirmed yet.'),
      mail: described(
        z.strictObject({ delivered: count, bounced: count, complained: count, suppressed: count }),
        'Mails by what became of them: delivered, bounced for good, marked as spam, or not sent because the address bounced or complained before.',
      ),
    }),
  }),
);

export const adminEventList = named('AdminEventList', "The caller's organisation's events.", z.strictObject({ items: z.array(adminEvent) }));

export const publicEvent = named(
  'PublicEvent',
  'What anyone may see of an event: no personal data, no organisation internals. `cancelled` is present (true) only for a cancelled event.',
  z.strictObject({
    id: z.string(),
    title: z.string(),
    description: z.optional(z.string()),
    startsAt: instant,
    endsAt: instant,
    timeZone: z.string(),
    venue,
    programme: z.array(programmeItem),
    language,
    cancelled: z.optional(z.boolean()),
    capacity: z.int(),
    seatsAvailable: count,
    waitlistOpen: z.boolean(),
    registrationOpen: z.boolean(),
    addressConfirmationRequired: described(z.boolean(), 'A registration is held until the person confirms their address from a mail.'),
    questions: described(z.array(question), 'The questions the form asks, in order.'),
  }),
);

// ---------------------------------------------------------------- registrations

export const registrationOutcome = named(
  'RegistrationOutcome',
  'A registration: a seat (`confirmed`), or a place on the waitlist with its position.',
  z.strictObject({ registrationId: z.string(), status: z.enum(['confirmed', 'waitlisted']), waitlistPosition: z.optional(z.int().check(z.minimum(1))) }),
);

export const registrationPending = named(
  'RegistrationPending',
  'Received: a mail to the address asks its owner to confirm (new registrations), or reminds them of their registration (an address already registered). The answer is the same either way, so it tells nobody whether someone registered.',
  z.strictObject({ status: z.literal('pending') }),
);

export const addressConfirmation = named(
  'AddressConfirmation',
  'The address is confirmed (confirming twice answers the same); the registration holds a seat or a waitlist place, and its confirmation or waitlist mail follows.',
  z.strictObject({ registrationId: z.string(), status: z.enum(['confirmed', 'waitlisted']) }),
);

export const eventDeletion = named('EventDeletion', "The event is deleted; its registrations' personal data is being erased.", z.strictObject({ status: z.literal('deleted') }));

export const erasure = named('Erasure', "The person's data is erased (erasing twice answers the same); a held place went to the next person as with a cancellation.", z.strictObject({ status: z.literal('erased') }));

export const personalData = named(
  'PersonalData',
  "Everything stored about the person for this event: the registration's fields (needs while they are kept), the mails sent with their subjects and times, the check-in and the certificate number.",
  z.strictObject({
    event: z.strictObject({ id: z.string(), title: z.string(), startsAt: instant, endsAt: instant }),
    registration: z.record(z.string(), z.unknown()),
    mails: z.array(z.strictObject({ kind: z.enum(MAIL_KINDS), subject: z.string(), sentAt: instant })),
    checkedInAt: z.nullable(instant),
    certificateNumber: z.nullable(z.string()),
  }),
);

export const cancellation = named('Cancellation', 'The registration is cancelled (cancelling twice answers the same).', z.strictObject({ status: z.literal('cancelled') }));

export const participantRegistration = named(
  'ParticipantRegistration',
  'What the personal link shows a participant: the status and, on the waitlist, the position; of others only the participant list they chose to be on.',
  z.strictObject({
    registrationId: z.string(),
    eventId: z.string(),
    status: registrationStatus,
    waitlistPosition: z.optional(z.int().check(z.minimum(1))),
    network: z.optional(
      described(
        z.strictObject({
          opensAt: instant,
          people: z.array(z.strictObject({ name: z.string(), organisation: z.optional(z.string()), role: z.optional(z.string()) })),
        }),
        'Confirmed participants only, from `opensAt` (the registration deadline) on: the other participants with a seat who chose to be on the list, by name.',
      ),
    ),
  }),
);

export const networkConsent = named(
  'NetworkConsent',
  'Whether the participant is now on the event’s participant list (shown to the other confirmed participants from the registration deadline).',
  z.strictObject({ show: z.boolean() }),
);

export const registrationListItem = named(
  'RegistrationListItem',
  'One registration as the organiser sees it (the CSV export has the same columns).',
  z.strictObject({
    registrationId: z.string(),
    name: z.string(),
    /** As the person typed it; an internationalised domain stays as typed. */
    email: z.string(),
    organisation: z.optional(z.string()),
    role: z.optional(z.string()),
    language,
    status: registrationStatus,
    waitlistPosition: z.optional(z.int().check(z.minimum(1))),
    confirmBy: z.optional(described(instant, 'A pending registration: when its hold lapses unless the address is confirmed.')),
    createdAt: instant,
    checkedInAt: z.optional(instant),
    mailStatus: z.optional(mailDelivery),
    answers: z.optional(described(z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean()])), 'Answers to the event\'s questions by question id: text, an option id, option ids, or yes/no.')),
    erasedAt: z.optional(described(instant, 'The person had their data erased: name and address are empty, the record only keeps the counts right.')),
    addressUndeliverable: z.optional(described(z.enum(['bounced', 'complained']), 'Mail to this address bounced for good or was marked as spam: later mails are not sent. Contact the person another way, or correct the address.')),
    accessibilityNeeds: z.optional(z.string()),
    dietaryNeeds: z.optional(z.string()),
  }),
);

export const needsSummary = named(
  'NeedsSummary',
  "What the caterer and the venue need: the dietary needs of the people with a seat, grouped (case and spacing aside) and counted, and their accessibility needs; names only with `?names=true`.",
  z.strictObject({
    seated: count,
    dietary: z.array(z.strictObject({ need: z.string(), count, names: z.optional(z.array(z.string())) })),
    accessibility: z.array(z.strictObject({ need: z.string(), name: z.optional(z.string()) })),
  }),
);

export const registrationList = named('RegistrationList', 'Every registration of the event, oldest first.', z.strictObject({ items: z.array(registrationListItem) }));

export const doorListItem = named(
  'DoorListItem',
  'What door staff see of a person with a seat: enough to recognise and check them in, nothing more.',
  z.strictObject({ registrationId: z.string(), name: z.string(), checkInCode: z.string(), status: registrationStatus, checkedInAt: z.optional(instant) }),
);

export const doorEvent = named(
  'DoorEvent',
  'An event as door staff need it to find their door: no settings, no counts.',
  z.strictObject({ id: z.string(), title: z.string(), startsAt: instant, endsAt: instant, timeZone: z.string(), venue }),
);

export const doorEventList = named('DoorEventList', "The organisation's events that have not ended (or ended today), soonest first.", z.strictObject({ items: z.array(doorEvent) }));

export const doorList = named('DoorList', 'Everyone with a seat, by name.', z.strictObject({ items: z.array(doorListItem) }));

export const checkIn = named(
  'CheckIn',
  'The registration after checking in or out; `checkedInAt` is absent when not checked in. Checking in twice keeps the first time.',
  z.strictObject({ registrationId: z.string(), name: z.string(), status: registrationStatus, checkedInAt: z.optional(instant) }),
);

// ---------------------------------------------------------------- mail

export const reminder = named(
  'Reminder',
  "A reminder of the event: when it is due (UTC and in the event's time zone), its state and how many mails it sent.",
  z.strictObject({
    offset: z.optional(z.string()),
    dueAt: instant,
    dueAtLocal: instant,
    timeZone: z.string(),
    state: z.enum(['scheduled', 'sending', 'sent', 'skipped']),
    sent: count,
  }),
);

export const reminderList = named('ReminderList', "The event's reminders, earliest first.", z.strictObject({ items: z.array(reminder) }));

export const parkedMail = named(
  'ParkedMail',
  'A mail given up on after every retry, with the last error, so the organiser can reach the person another way.',
  z.strictObject({ mailId: z.string(), kind: z.enum(MAIL_KINDS), registrationId: z.string(), attempts: count, lastError: z.optional(z.string()), createdAt: instant }),
);

export const parkedMailList = named('ParkedMailList', "The event's undeliverable mail.", z.strictObject({ items: z.array(parkedMail) }));

// ---------------------------------------------------------------- certificates

export const certificatesRequested = named('CertificatesRequested', 'How many certificates this request will mail.', z.strictObject({ total: count }));

export const certificateStatus = named(
  'CertificateStatus',
  'How far certificate mailing is: issued in total, and of those sent, failed and pending.',
  z.strictObject({ total: count, sent: count, failed: count, pending: count }),
);

export const certificateVerification = named(
  'CertificateVerification',
  'A real certificate: what is on it, nothing more.',
  z.strictObject({ valid: z.literal(true), certificateNumber: z.string(), holderName: z.string(), eventTitle: z.string(), eventDate: z.iso.date(), issuedAt: instant }),
);

// ---------------------------------------------------------------- other media types

export const htmlPage = z.string().register(z.globalRegistry, { description: 'An HTML page (no scripts; Dutch or English).' });

export const csvFile = z.string().register(z.globalRegistry, {
  description: 'CSV that Excel opens correctly: UTF-8 with a byte order mark, CRLF line ends, every field quoted, formula injection defused.',
});

export const pdfFile = z.string().register(z.globalRegistry, { description: 'A PDF document.', format: 'binary' });

export const openApiDocument = named(
  'OpenApiDocument',
  'This document.',
  z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }),
);
