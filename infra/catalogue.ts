import type { SettingName } from '../shared/config';
import { DEFAULTS } from '../shared/config/defaults';
import { FUNCTION_SETTINGS, type FunctionName } from '../shared/config/functions';
import type { tableDesign } from './table';
import { STREAM_FILTERS, type StreamFilter } from '../shared/triggers/stream-filters';
import type { Operation } from '../shared/schemas/contract';
import { contract as adminCancelRegistration } from '../functions/admin-cancel-registration/schema';
import { contract as cancelEvent } from '../functions/cancel-event/schema';
import { contract as cancelRegistration } from '../functions/cancel-registration/schema';
import { contract as networkConsent } from '../functions/network-consent/schema';
import { contract as confirmRegistration } from '../functions/confirm-registration/schema';
import { contract as adminConfirmRegistration } from '../functions/admin-confirm-registration/schema';
import { contract as correctAddress } from '../functions/correct-address/schema';
import { contract as downloadMyData } from '../functions/download-my-data/schema';
import { contract as eraseRegistration } from '../functions/erase-registration/schema';
import { contract as adminEraseRegistration } from '../functions/admin-erase-registration/schema';
import { contract as doorEvents } from '../functions/door-events/schema';
import { contract as certificateStatus } from '../functions/certificate-status/schema';
import { contract as checkIn } from '../functions/check-in/schema';
import { contract as checkInByCode } from '../functions/check-in-by-code/schema';
import { contract as createEvent } from '../functions/create-event/schema';
import { contract as deleteEvent } from '../functions/delete-event/schema';
import { contract as doorList } from '../functions/door-list/schema';
import { contract as downloadCertificate } from '../functions/download-certificate/schema';
import { contract as getEvent } from '../functions/get-event/schema';
import { contract as getPublicEvent } from '../functions/get-public-event/schema';
import { contract as listEvents } from '../functions/list-events/schema';
import { contract as listFailedMail } from '../functions/list-failed-mail/schema';
import { contract as listRegistrations } from '../functions/list-registrations/schema';
import { contract as listReminders } from '../functions/list-reminders/schema';
import { contract as listMessages } from '../functions/list-messages/schema';
import { contract as sendMessage } from '../functions/send-message/schema';
import { contract as needsSummary } from '../functions/needs-summary/schema';
import { contract as reachReport } from '../functions/reach-report/schema';
import { contract as openapi } from '../functions/openapi/schema';
import { contract as privacyPage } from '../functions/privacy-page/schema';
import { contract as register } from '../functions/register/schema';
import { contract as registrationForm } from '../functions/registration-form/schema';
import { contract as registrationStatus } from '../functions/registration-status/schema';
import { contract as requestCertificates } from '../functions/request-certificates/schema';
import { contract as undoCheckIn } from '../functions/undo-check-in/schema';
import { contract as updateEvent } from '../functions/update-event/schema';
import { contract as verifyCertificate } from '../functions/verify-certificate/schema';

/**
 * Every function, once. The CDK stack builds a Lambda, its trigger and its grants from this
 * list; the local runtime serves the same routes and stream triggers from it. Nothing else
 * lists routes.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpTrigger {
  type: 'http';
  method: HttpMethod;
  /** API Gateway route syntax: `/events/{eventId}`. */
  path: string;
  /**
   * `organiser` routes sit behind the JWT authorizer; which roles may use one is its contract's
   * call (organisers only, unless it names the door role). `public` ones are open and throttled.
   */
  auth: 'organiser' | 'public';
  summary: string;
  /** Per-route throttle for public routes that write or render; requests per second. */
  throttle?: { rate: number; burst: number };
  /**
   * What the function takes and answers (functions/<name>/schema.ts): its handler answers
   * through it, and /openapi.json is generated from it and the fields above.
   */
  contract: Operation;
}

export interface TableStreamTrigger {
  type: 'table-stream';
  /**
   * The records the function is given: those that pass any of these filters (Lambda allows
   * five). CDK hands them to the event source mapping, the local poller evaluates them.
   */
  filters: readonly StreamFilter[];
  batchSize: number;
  /** Redeliveries of a failing record before it goes to the dead-letter queue. */
  retryAttempts: number;
  /**
   * A record older than this goes to the dead-letter queue instead of holding up its shard;
   * it must stay well under the stream's 24-hour retention so a redrive can still read it.
   */
  maxRecordAgeHours: number;
}

export interface ScheduleTrigger {
  type: 'schedule';
  /** Runs every this many minutes (EventBridge rate); the local runtime runs it more often. */
  everyMinutes: number;
}

/**
 * SES's events about our sent mail, through the configuration set every send names and the
 * default EventBridge bus; locally the runtime produces them for the mailbox simulator's addresses.
 */
export interface MailFeedbackTrigger {
  type: 'mail-feedback';
  /** EventBridge's tries to hand an event to the function before it goes to the dead-letter queue. */
  deliveryRetryAttempts: number;
  /**
   * Lambda's retries of an event the function failed on (an asynchronous invocation: 0 to 2),
   * after which it too goes to the dead-letter queue.
   */
  invocationRetryAttempts: 0 | 1 | 2;
}

/**
 * The SES events the configuration set publishes, by their EventBridge detail-type: what became
 * of each mail. One list for the destination, the rule and the local runtime.
 */
export const MAIL_FEEDBACK_EVENTS = {
  DELIVERY: 'Email Delivered',
  BOUNCE: 'Email Bounced',
  COMPLAINT: 'Email Complaint Received',
  REJECT: 'Email Rejected',
} as const;

export type Trigger = HttpTrigger | TableStreamTrigger | ScheduleTrigger | MailFeedbackTrigger;

type IndexName = (typeof tableDesign.globalIndexes)[number]['indexName'];
/** `Query` reads the table itself; `Query:<index>` one of its indexes (a grant on that index's ARN). */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'Query' | `Query:${IndexName}` | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem';

export interface FunctionSpec {
  /** Its settings are FUNCTION_SETTINGS[name] (shared/config/functions.ts). */
  name: FunctionName;
  description: string;
  trigger: Trigger;
  /**
   * The DynamoDB actions it performs, exactly: the stack grants these and nothing else, and
   * the local runtime refuses any other (see infra/local/table-access.ts). A transaction needs
   * the action of each of its parts.
   */
  table?: readonly TableAction[];
  sendsMail?: boolean;
  /** Puts events on the state-change bus (and is granted exactly that). */
  publishesStateChanges?: boolean;
  timeoutSeconds?: number;
  memoryMb?: number;
  /** Files from node_modules copied beside the bundle (fonts read at run time). */
  assets?: readonly string[];
}

const CERTIFICATE_FONTS = ['dejavu-fonts-ttf/ttf/DejaVuSans.ttf'] as const;

export const handlerEntry = (spec: Pick<FunctionSpec, 'name'>) => `functions/${spec.name}/handler.ts`;

const PUBLIC_WRITE_THROTTLE = { rate: 50, burst: 100 };
/**
 * Registration takes what the seat shards sustain in a sell-out (about 330 a second for a
 * 10,000-seat event, `npm run bench -- sell-out`); README "Capacity plan". The route-wide
 * limit only caps the total: it is no defence against one client.
 */
const REGISTRATION_THROTTLE = { rate: 400, burst: 800 };
const PUBLIC_READ_THROTTLE = { rate: 200, burst: 400 };

export const catalogue: readonly FunctionSpec[] = [
  {
    name: 'create-event',
    description: 'Organiser creates an event (and schedules its reminders)',
    trigger: { type: 'http', method: 'POST', path: '/admin/events', auth: 'organiser', summary: 'Create an event', contract: createEvent },
    table: ['PutItem'],
  },
  {
    name: 'list-events',
    description: "Organiser lists their organisation's events",
    trigger: { type: 'http', method: 'GET', path: '/admin/events', auth: 'organiser', summary: 'List your events', contract: listEvents },
    table: ['GetItem', 'Query', 'Query:GSI1'],
  },
  {
    name: 'door-events',
    description: 'Door staff see which events of their organisation they can open the door of',
    trigger: { type: 'http', method: 'GET', path: '/admin/door-events', auth: 'organiser', summary: 'Events for the door (organisers and door staff)', contract: doorEvents },
    table: ['Query:GSI1'],
  },
  {
    name: 'get-event',
    description: 'Organiser reads one event with its counts',
    trigger: { type: 'http', method: 'GET', path: '/admin/events/{eventId}', auth: 'organiser', summary: 'Get an event with counts', contract: getEvent },
    table: ['GetItem', 'Query'],
  },
  {
    name: 'list-registrations',
    description: 'Organiser lists or exports (CSV) the registrations of an event',
    trigger: { type: 'http', method: 'GET', path: '/admin/events/{eventId}/registrations', auth: 'organiser', summary: 'List registrations (JSON or CSV)', contract: listRegistrations },
    table: ['GetItem', 'Query', 'Query:GSI1'],
  },
  {
    name: 'needs-summary',
    description: "Organiser reads the needs of the people with a seat for the caterer and the venue, without names unless asked (and then logged)",
    trigger: { type: 'http', method: 'GET', path: '/admin/events/{eventId}/needs-summary', auth: 'organiser', summary: 'Needs summary (catering, accessibility)', contract: needsSummary },
    table: ['GetItem', 'Query:GSI1'],
  },
  {
    name: 'reach-report',
    description: 'Organiser sees whom the event reached: counts only, every one below 5 shown as "< 5"',
    trigger: { type: 'http', method: 'GET', path: '/admin/events/{eventId}/reach', auth: 'organiser', summary: 'Reach report (JSON or CSV)', contract: reachReport },
    table: ['GetItem', 'Query:GSI1'],
  },
  {
    name: 'door-list',
    description: 'Door staff see who may come in: name, check-in code, status and check-in time, nothing more',
    trigger: { type: 'http', method: 'GET', path: '/admin/events/{eventId}/door-list', auth: 'organiser', summary: 'Door list (organisers and door staff)', contract: doorList },
    table: ['GetItem', 'Query:GSI1'],
  },
  {
    name: 'get-public-event',
    description: 'Anyone reads what a participant may see of an event',
    trigger: { type: 'http', method: 'GET', path: '/events/{eventId}', auth: 'public', summary: 'Public event details', throttle: PUBLIC_READ_THROTTLE, contract: getPublicEvent },
    table: ['GetItem', 'Query'],
  },
  {
    name: 'register',
    description: 'Anyone registers for an event (JSON or the hosted form)',
    trigger: { type: 'http', method: 'POST', path: '/events/{eventId}/registrations', auth: 'public', summary: 'Register for an event', throttle: REGISTRATION_THROTTLE, contract: register },
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
    timeoutSeconds: 15,
  },
  {
    name: 'registration-form',
    description: 'The hosted, accessible registration form',
    trigger: { type: 'http', method: 'GET', path: '/events/{eventId}/register', auth: 'public', summary: 'Hosted registration form (HTML)', throttle: PUBLIC_READ_THROTTLE, contract: registrationForm },
    table: ['GetItem', 'Query'],
  },
  {
    name: 'privacy-page',
    description: 'The privacy statement of an event, linked from its form and every mail',
    trigger: { type: 'http', method: 'GET', path: '/events/{eventId}/privacy', auth: 'public', summary: 'Privacy statement of an event (HTML)', throttle: PUBLIC_READ_THROTTLE, contract: privacyPage },
    table: ['GetItem'],
  },
  {
    name: 'openapi',
    description: 'The OpenAPI 3.1 document of this API',
    trigger: { type: 'http', method: 'GET', path: '/openapi.json', auth: 'public', summary: 'OpenAPI document', throttle: PUBLIC_READ_THROTTLE, contract: openapi },
  },
  {
    name: 'update-event',
    description: 'Organiser changes an event; more capacity promotes from the waitlist',
    trigger: { type: 'http', method: 'PATCH', path: '/admin/events/{eventId}', auth: 'organiser', summary: 'Change an event', contract: updateEvent },
    // Query:GSI1: a change of the questions reads the answers given so far.
    table: ['GetItem', 'Query', 'Query:GSI1', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
    timeoutSeconds: 30,
  },
  {
    name: 'delete-event',
    description: "Organiser deletes an event that is over; a job erases its registrations' personal data",
    trigger: { type: 'http', method: 'DELETE', path: '/admin/events/{eventId}', auth: 'organiser', summary: 'Delete an event that is over', contract: deleteEvent },
    table: ['GetItem', 'PutItem', 'UpdateItem'],
  },
  {
    name: 'admin-cancel-registration',
    description: "Organiser cancels on a participant's behalf; the seat goes to the waitlist",
    trigger: {
      type: 'http',
      method: 'POST',
      path: '/admin/events/{eventId}/registrations/{registrationId}/cancel',
      auth: 'organiser',
      summary: 'Cancel a registration for a participant',
      contract: adminCancelRegistration,
    },
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
  },
  {
    name: 'list-reminders',
    description: "Organiser sees the event's reminders: when, state, mails sent",
    trigger: { type: 'http', method: 'GET', path: '/admin/events/{eventId}/reminders', auth: 'organiser', summary: 'Reminders of an event', contract: listReminders },
    table: ['GetItem', 'Query'],
  },
  {
    name: 'cancel-event',
    description: 'Organiser calls the event off: registration closes, reminders stop, registrants are told',
    trigger: { type: 'http', method: 'POST', path: '/admin/events/{eventId}/cancel', auth: 'organiser', summary: 'Cancel an event', contract: cancelEvent },
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
  },
  {
    name: 'check-in',
    description: 'Organiser checks a participant in at the door',
    trigger: {
      type: 'http',
      method: 'POST',
      path: '/admin/events/{eventId}/registrations/{registrationId}/check-in',
      auth: 'organiser',
      summary: 'Check a participant in',
      contract: checkIn,
    },
    table: ['GetItem', 'UpdateItem'],
  },
  {
    name: 'undo-check-in',
    description: 'Organiser undoes a check-in',
    trigger: {
      type: 'http',
      method: 'DELETE',
      path: '/admin/events/{eventId}/registrations/{registrationId}/check-in',
      auth: 'organiser',
      summary: 'Undo a check-in',
      contract: undoCheckIn,
    },
    table: ['GetItem', 'UpdateItem'],
  },
  {
    name: 'check-in-by-code',
    description: 'Organiser checks a participant in with the code from their confirmation mail',
    trigger: { type: 'http', method: 'POST', path: '/admin/events/{eventId}/check-in', auth: 'organiser', summary: 'Check in by code', contract: checkInByCode },
    table: ['GetItem', 'UpdateItem'],
  },
  {
    name: 'request-certificates',
    description: 'Organiser starts mailing certificates of attendance after the event',
    trigger: { type: 'http', method: 'POST', path: '/admin/events/{eventId}/certificates', auth: 'organiser', summary: 'Mail certificates', contract: requestCertificates },
    table: ['GetItem', 'Query', 'Query:GSI1', 'PutItem'],
  },
  {
    name: 'certificate-status',
    description: 'Organiser sees how far certificate mailing is',
    trigger: { type: 'http', method: 'GET', path: '/admin/events/{eventId}/certificates', auth: 'organiser', summary: 'Certificate mailing status', contract: certificateStatus },
    table: ['GetItem', 'Query', 'Query:GSI1', 'BatchGetItem'],
  },
  {
    name: 'send-message',
    description: 'Organiser sends a message to an audience of the event, once per person (Idempotency-Key)',
    trigger: { type: 'http', method: 'POST', path: '/admin/events/{eventId}/messages', auth: 'organiser', summary: 'Message participants', contract: sendMessage },
    table: ['GetItem', 'PutItem'],
  },
  {
    name: 'list-messages',
    description: "Organiser sees the event's messages and how many of their mails were sent, are pending, failed or were withheld",
    trigger: { type: 'http', method: 'GET', path: '/admin/events/{eventId}/messages', auth: 'organiser', summary: 'Messages of an event', contract: listMessages },
    table: ['GetItem', 'Query', 'Query:GSI1', 'BatchGetItem'],
  },
  {
    name: 'verify-certificate',
    description: 'Anyone checks a certificate by its number',
    trigger: { type: 'http', method: 'GET', path: '/certificates/{certificateNumber}', auth: 'public', summary: 'Verify a certificate', throttle: PUBLIC_READ_THROTTLE, contract: verifyCertificate },
    table: ['GetItem'],
  },
  {
    name: 'download-certificate',
    description: 'A participant downloads their certificate again, with the token from their mail',
    trigger: { type: 'http', method: 'GET', path: '/registrations/{registrationId}/certificate', auth: 'public', summary: 'Your certificate (PDF)', throttle: PUBLIC_READ_THROTTLE, contract: downloadCertificate },
    table: ['GetItem', 'Query:GSI1'],
    timeoutSeconds: 15,
    memoryMb: 1024,
    assets: CERTIFICATE_FONTS,
  },
  {
    name: 'list-failed-mail',
    description: 'Organiser sees mails that could not be delivered after every retry',
    trigger: { type: 'http', method: 'GET', path: '/admin/events/{eventId}/failed-mail', auth: 'organiser', summary: 'Mail that could not be delivered', contract: listFailedMail },
    table: ['GetItem', 'Query:GSI1'],
  },
  {
    name: 'registration-status',
    description: "A participant's personal page (HTML or JSON), opened with the token from their mail",
    trigger: { type: 'http', method: 'GET', path: '/registrations/{registrationId}', auth: 'public', summary: 'Your registration (personal link)', throttle: PUBLIC_READ_THROTTLE, contract: registrationStatus },
    // Query:GSI1: the participant list, for a confirmed participant after the registration deadline.
    table: ['GetItem', 'Query', 'Query:GSI1'],
  },
  {
    name: 'cancel-registration',
    description: 'A participant cancels with the token from their mail; the seat goes to the waitlist',
    trigger: { type: 'http', method: 'POST', path: '/registrations/{registrationId}/cancel', auth: 'public', summary: 'Cancel your registration', throttle: PUBLIC_WRITE_THROTTLE, contract: cancelRegistration },
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
  },
  {
    name: 'network-consent',
    description: 'A participant chooses, with the token from their mail, whether the other participants see their name, organisation and role',
    trigger: { type: 'http', method: 'POST', path: '/registrations/{registrationId}/network', auth: 'public', summary: 'Show me on the participant list, or not', throttle: PUBLIC_WRITE_THROTTLE, contract: networkConsent },
    table: ['GetItem', 'UpdateItem'],
  },
  {
    name: 'confirm-registration',
    description: 'A participant confirms their address with the button from the confirmation request; their mail follows',
    trigger: { type: 'http', method: 'POST', path: '/registrations/{registrationId}/confirm', auth: 'public', summary: 'Confirm your address', throttle: PUBLIC_WRITE_THROTTLE, contract: confirmRegistration },
    table: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
  },
  {
    name: 'admin-confirm-registration',
    description: "Organiser confirms a pending registration on the participant's behalf",
    trigger: {
      type: 'http',
      method: 'POST',
      path: '/admin/events/{eventId}/registrations/{registrationId}/confirm',
      auth: 'organiser',
      summary: 'Confirm a pending registration',
      contract: adminConfirmRegistration,
    },
    table: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
  },
  {
    name: 'correct-address',
    description: "Organiser corrects a participant's address; the undeliverable mark goes and their latest mail is sent again",
    trigger: {
      type: 'http',
      method: 'PUT',
      path: '/admin/events/{eventId}/registrations/{registrationId}/email',
      auth: 'organiser',
      summary: "Correct a participant's email address",
      contract: correctAddress,
    },
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'],
  },
  {
    name: 'download-my-data',
    description: 'A participant downloads everything stored about them for the event, with the token from their mail',
    trigger: { type: 'http', method: 'GET', path: '/registrations/{registrationId}/data', auth: 'public', summary: 'Download your data (JSON)', throttle: PUBLIC_READ_THROTTLE, contract: downloadMyData },
    table: ['GetItem', 'BatchGetItem'],
  },
  {
    name: 'erase-registration',
    description: 'A participant has their data erased with the token from their mail; a held seat goes to the waitlist',
    trigger: { type: 'http', method: 'POST', path: '/registrations/{registrationId}/erase', auth: 'public', summary: 'Delete your data', throttle: PUBLIC_WRITE_THROTTLE, contract: eraseRegistration },
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
  },
  {
    name: 'admin-erase-registration',
    description: "Organiser erases a participant's data at their request; a held seat goes to the waitlist",
    trigger: {
      type: 'http',
      method: 'DELETE',
      path: '/admin/events/{eventId}/registrations/{registrationId}',
      auth: 'organiser',
      summary: "Erase a participant's data",
      contract: adminEraseRegistration,
    },
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
  },
  {
    name: 'release-lapsed-holds',
    description: 'Unconfirmed registrations whose confirmation window passed give up their seat or waitlist place, and are deleted',
    trigger: { type: 'schedule', everyMinutes: 1 },
    table: ['GetItem', 'Query:GSI1', 'PutItem', 'UpdateItem', 'DeleteItem'],
    // Shorter than the schedule's minute, so runs seldom overlap (they would be harmless: every release is conditional).
    timeoutSeconds: 50,
  },
  {
    name: 'send-mail',
    description: 'Delivers new outbox mail records through SES, once each',
    // Large batches keep the pipeline full at the paced rate: a batch of 100 at 10 mails/s
    // takes 10 s, well inside the timeout.
    trigger: { type: 'table-stream', filters: [STREAM_FILTERS.newMail], batchSize: 100, retryAttempts: 8, maxRecordAgeHours: 6 },
    table: ['GetItem', 'Query', 'BatchGetItem', 'UpdateItem'],
    sendsMail: true,
    timeoutSeconds: 300,
  },
  {
    name: 'send-certificate',
    description: 'Sends certificate mails, new and retried, with their PDF, once each',
    // A sweep, not a third reader of the table stream (DynamoDB advises at most two per shard);
    // certificates are mailed after the event, so a minute's delay costs nobody anything.
    trigger: { type: 'schedule', everyMinutes: 1 },
    table: ['GetItem', 'Query', 'Query:GSI1', 'BatchGetItem', 'UpdateItem'],
    sendsMail: true,
    timeoutSeconds: 300,
    memoryMb: 1024,
    assets: CERTIFICATE_FONTS,
  },
  {
    name: 'table-changes',
    description: 'Publishes every state change to the event bus, and hands seats that are free while people wait to the waitlist (the safety net behind inline promotion)',
    // The table stream's second and last reader (DynamoDB advises at most two per shard): what
    // else must follow the table's changes joins here rather than becoming a third.
    trigger: {
      type: 'table-stream',
      filters: [STREAM_FILTERS.freedSeats, STREAM_FILTERS.registrationChanges, STREAM_FILTERS.eventChanges, STREAM_FILTERS.issuedCertificates],
      batchSize: 100,
      retryAttempts: 8,
      // As long as mail's: an outage of the bus should be sat out, not sent to the dead-letter queue within the hour.
      maxRecordAgeHours: 6,
    },
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
    publishesStateChanges: true,
    timeoutSeconds: 60,
  },
  {
    name: 'mail-feedback',
    description: 'Records what SES says became of each mail (delivered, bounced, complained) on the mail and its registration',
    trigger: { type: 'mail-feedback', deliveryRetryAttempts: 8, invocationRetryAttempts: 2 },
    table: ['GetItem', 'UpdateItem'],
  },
  {
    name: 'send-mailings',
    description: "Fans due reminders and notices out into outbox mail; moves expiries and erases deleted events' registrations",
    trigger: { type: 'schedule', everyMinutes: 1 },
    table: ['GetItem', 'Query', 'Query:GSI1', 'PutItem', 'UpdateItem', 'DeleteItem'],
    timeoutSeconds: 300,
  },
  {
    name: 'retry-mail',
    description: 'Sends mail (other than certificates) whose earlier attempt failed, once its backoff has passed',
    trigger: { type: 'schedule', everyMinutes: 1 },
    table: ['GetItem', 'Query', 'Query:GSI1', 'BatchGetItem', 'UpdateItem'],
    sendsMail: true,
    timeoutSeconds: 300,
  },
];

export const httpFunctions = () => catalogue.filter((spec): spec is FunctionSpec & { trigger: HttpTrigger } => spec.trigger.type === 'http');
export const scheduledFunctions = () =>
  catalogue.filter((spec): spec is FunctionSpec & { trigger: ScheduleTrigger } => spec.trigger.type === 'schedule');
export const mailFeedbackFunctions = () =>
  catalogue.filter((spec): spec is FunctionSpec & { trigger: MailFeedbackTrigger } => spec.trigger.type === 'mail-feedback');
export const streamFunctions = () =>
  catalogue.filter((spec): spec is FunctionSpec & { trigger: TableStreamTrigger } => spec.trigger.type === 'table-stream');

/** The settings a function reads, and nothing else: what the stack and the local runtime give it. */
export const settingsOf = (spec: Pick<FunctionSpec, 'name'>): readonly SettingName[] => FUNCTION_SETTINGS[spec.name];

/** A function's timeout and memory: its entry's, or the shared defaults. */
export const limitsOf = (spec: Pick<FunctionSpec, 'timeoutSeconds' | 'memoryMb'>) => ({
  timeoutSeconds: spec.timeoutSeconds ?? DEFAULTS.timeoutSeconds,
  memoryMb: spec.memoryMb ?? DEFAULTS.memoryMb,
});
