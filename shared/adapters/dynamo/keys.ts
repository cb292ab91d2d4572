/**
 * The only place that knows how keys are spelled. See README "Data model" for every access
 * pattern these keys serve.
 */
/** Key prefix of outbox mail items; the mail function's stream filter matches on it. */
export const MAIL_KEY_PREFIX = 'MAIL#';
export const EVENT_KEY_PREFIX = 'EVENT#';
export const EVENT_SORT_KEY = 'EVENT';
/** Seat shards and the waitlist counter: the table-changes stream filter matches on it. */
export const SEAT_COUNTER_PREFIX = 'SEATS#';
export const REGISTRATION_KEY_PREFIX = 'REG#';
export const REGISTRATION_SORT_KEY = 'REG';
export const CERTIFICATE_SORT_PREFIX = 'CERT#';
const WAITLIST_COUNTER = `${SEAT_COUNTER_PREFIX}WAITLIST`;
/** Sequence numbers are zero-padded so the sort key orders them; ten digits outlast any waitlist. */
const sequence = (seq: number) => String(seq).padStart(10, '0');

const MAIL_QUEUES = { retry: 'MAILQ#RETRY', certificate: 'MAILQ#CERT' } as const;
export type MailQueue = keyof typeof MAIL_QUEUES;

export const keys = {
  event: (eventId: string) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, SK: EVENT_SORT_KEY }),
  eventByOrganisation: (organisationId: string, startsAt: string, eventId: string) => ({
    GSI1PK: `ORG#${organisationId}`,
    GSI1SK: `EVENT#${startsAt}#${eventId}`,
  }),
  organisationEvents: (organisationId: string) => `ORG#${organisationId}`,

  /** A shard's slice of the seats; `index` from 0. */
  seatShard: (eventId: string, index: number) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, SK: `${SEAT_COUNTER_PREFIX}${String(index).padStart(2, '0')}` }),
  waitlistCounter: (eventId: string) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, SK: WAITLIST_COUNTER }),
  /** Every seat shard and the waitlist counter of an event, in one query. */
  seatCounters: (eventId: string) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, skPrefix: SEAT_COUNTER_PREFIX }),
  isWaitlistCounter: (sortKey: string) => sortKey === WAITLIST_COUNTER,
  waitlistEntry: (eventId: string, seq: number) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, SK: `WAIT#${sequence(seq)}` }),
  waitlistEntries: (eventId: string) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, skPrefix: 'WAIT#' }),
  /** Left the waitlist other than by promotion: what positions behind it must discount. */
  waitlistDeparture: (eventId: string, seq: number) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, SK: `WAITLEFT#${sequence(seq)}` }),
  /** Departures of tickets `from` up to, not including, `before`. */
  waitlistDeparturesBetween: (eventId: string, from: number, before: number) => ({
    PK: `${EVENT_KEY_PREFIX}${eventId}`,
    low: `WAITLEFT#${sequence(from)}`,
    high: `WAITLEFT#${sequence(before - 1)}`,
  }),

  /**
   * Registrations, e-mail locks and check-in codes each have a partition of their own, so a
   * rush spreads its writes instead of piling them onto the event's partition (only the seat
   * counters and an unconfirmed registration's hold go there). The event's registrations are
   * listed through GSI1.
   */
  registration: (registrationId: string) => ({ PK: `${REGISTRATION_KEY_PREFIX}${registrationId}`, SK: REGISTRATION_SORT_KEY }),
  registrationOfEvent: (eventId: string, registrationId: string) => ({ GSI1PK: `EVENTREGS#${eventId}`, GSI1SK: registrationId }),
  registrationsOfEvent: (eventId: string) => `EVENTREGS#${eventId}`,

  /**
   * An unconfirmed registration's hold: in its event's partition, so the organiser's count of
   * pending registrations is one small query; and in the hold queue (GSI1), by when it lapses,
   * for the sweep that releases lapsed holds.
   */
  addressHold: (eventId: string, registrationId: string) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, SK: `HOLD#${registrationId}` }),
  addressHolds: (eventId: string) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, skPrefix: 'HOLD#' }),
  holdQueue: 'HOLDQ',
  holdQueueEntry: (confirmBy: string, eventId: string, registrationId: string) => ({ GSI1PK: 'HOLDQ', GSI1SK: `${confirmBy}#${eventId}#${registrationId}` }),
  /** What became of the event's mails (SES feedback), counted for the organiser. */
  mailOutcomes: (eventId: string) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, SK: 'MAILOUTCOMES' }),

  /**
   * A registration's accessibility and dietary needs, apart from it so DynamoDB's TTL deletes
   * them at their own, earlier time; listed per event in GSI1 for the organiser and the caterer.
   */
  needs: (registrationId: string) => ({ PK: `NEEDS#${registrationId}`, SK: 'NEEDS' }),
  needsOfEvent: (eventId: string, registrationId: string) => ({ GSI1PK: `EVENTNEEDS#${eventId}`, GSI1SK: registrationId }),
  eventNeeds: (eventId: string) => `EVENTNEEDS#${eventId}`,

  certificateOfRegistration: (eventId: string, registrationId: string) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, SK: `${CERTIFICATE_SORT_PREFIX}${registrationId}` }),
  certificatesOfEvent: (eventId: string) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, skPrefix: CERTIFICATE_SORT_PREFIX }),
  certificateNumber: (certificateNumber: string) => ({ PK: `CERTNO#${certificateNumber}`, SK: 'CERTIFICATE' }),
  checkInCode: (eventId: string, code: string) => ({ PK: `CHECKIN#${eventId}#${code}`, SK: 'CHECKIN' }),
  emailLock: (eventId: string, normalisedEmail: string) => ({ PK: `EMAIL#${eventId}#${normalisedEmail}`, SK: 'EMAIL' }),

  mail: (mailId: string) => ({ PK: `${MAIL_KEY_PREFIX}${mailId}`, SK: 'MAIL' }),
  mailing: (eventId: string, jobId: string) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, SK: `JOB#${jobId}` }),
  mailingsOfEvent: (eventId: string) => ({ PK: `${EVENT_KEY_PREFIX}${eventId}`, skPrefix: 'JOB#' }),
  /** Mailings not yet done, by when they are due (or their lease ends). */
  mailingQueue: 'JOBQ',
  mailingQueueEntry: (at: string, eventId: string, jobId: string) => ({ GSI1PK: 'JOBQ', GSI1SK: `${at}#${eventId}#${jobId}` }),
  /**
   * Mails waiting for an attempt, by when it is due: retries of ordinary mail (swept by
   * retry-mail), and every certificate mail, new or retried (swept by send-certificate, the
   * only function that carries the PDF renderer).
   */
  mailQueue: (queue: MailQueue) => MAIL_QUEUES[queue],
  mailQueueEntry: (queue: MailQueue, dueAt: string, mailId: string) => ({ GSI1PK: MAIL_QUEUES[queue], GSI1SK: `${dueAt}#${mailId}` }),
  /** Mails given up on, per event, for the organiser to see. */
  parkedMailOfEvent: (eventId: string) => `MAILQ#FAILED#${eventId}`,
  parkedMailEntry: (eventId: string, failedAt: string, mailId: string) => ({ GSI1PK: `MAILQ#FAILED#${eventId}`, GSI1SK: `${failedAt}#${mailId}` }),
} as const;

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'entity', 'expiresAt'] as const;

export function withoutKeys<T>(item: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete copy[attribute];
  return copy as T;
}
