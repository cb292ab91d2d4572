import { MAIL_KEY_PREFIX } from '../shared/adapters/dynamo/keys';
import type { SettingName } from '../shared/config';

/**
 * Every function, once. The CDK stack builds a Lambda, its trigger and its grants from this
 * list; the local runtime serves the same routes and stream triggers from it. Nothing else
 * lists routes.
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface HttpTrigger {
  type: 'http';
  method: HttpMethod;
  /** API Gateway route syntax: `/events/{eventId}`. */
  path: string;
  /** `organiser` routes sit behind the JWT authorizer; `public` ones are open and throttled. */
  auth: 'organiser' | 'public';
  summary: string;
  /** Per-route throttle for public routes that write or render; requests per second. */
  throttle?: { rate: number; burst: number };
}

export interface TableStreamTrigger {
  type: 'table-stream';
  /** Only records of items whose PK starts with this prefix, and only these event names. */
  keyPrefix: string;
  eventNames: ReadonlyArray<'INSERT' | 'MODIFY' | 'REMOVE'>;
  batchSize: number;
  /** Redeliveries of a failing record before it goes to the dead-letter queue. */
  retryAttempts: number;
}

export type Trigger = HttpTrigger | TableStreamTrigger;

export interface FunctionSpec {
  name: string;
  description: string;
  trigger: Trigger;
  /** Settings (see shared/config.ts) the function reads; each becomes an environment variable. */
  environment: readonly SettingName[];
  table?: 'read' | 'write' | 'readWrite';
  sendsMail?: boolean;
  timeoutSeconds?: number;
  memoryMb?: number;
}

export const handlerEntry = (spec: Pick<FunctionSpec, 'name'>) => `functions/${spec.name}/handler.ts`;

const PUBLIC_WRITE_THROTTLE = { rate: 50, burst: 100 };
const PUBLIC_READ_THROTTLE = { rate: 200, burst: 400 };

export const catalogue: readonly FunctionSpec[] = [
  {
    name: 'create-event',
    description: 'Organiser creates an event',
    trigger: { type: 'http', method: 'POST', path: '/admin/events', auth: 'organiser', summary: 'Create an event' },
    environment: ['TABLE_NAME'],
    table: 'write',
  },
  {
    name: 'list-events',
    description: "Organiser lists their organisation's events",
    trigger: { type: 'http', method: 'GET', path: '/admin/events', auth: 'organiser', summary: 'List your events' },
    environment: ['TABLE_NAME'],
    table: 'read',
  },
  {
    name: 'get-event',
    description: 'Organiser reads one event with its counts',
    trigger: { type: 'http', method: 'GET', path: '/admin/events/{eventId}', auth: 'organiser', summary: 'Get an event with counts' },
    environment: ['TABLE_NAME'],
    table: 'read',
  },
  {
    name: 'list-registrations',
    description: 'Organiser lists or exports (CSV) the registrations of an event',
    trigger: { type: 'http', method: 'GET', path: '/admin/events/{eventId}/registrations', auth: 'organiser', summary: 'List registrations (JSON or CSV)' },
    environment: ['TABLE_NAME'],
    table: 'read',
  },
  {
    name: 'get-public-event',
    description: 'Anyone reads what a participant may see of an event',
    trigger: { type: 'http', method: 'GET', path: '/events/{eventId}', auth: 'public', summary: 'Public event details', throttle: PUBLIC_READ_THROTTLE },
    environment: ['TABLE_NAME'],
    table: 'read',
  },
  {
    name: 'register',
    description: 'Anyone registers for an event (JSON or the hosted form)',
    trigger: { type: 'http', method: 'POST', path: '/events/{eventId}/registrations', auth: 'public', summary: 'Register for an event', throttle: PUBLIC_WRITE_THROTTLE },
    environment: ['TABLE_NAME', 'PUBLIC_BASE_URL'],
    table: 'readWrite',
    timeoutSeconds: 15,
  },
  {
    name: 'registration-form',
    description: 'The hosted, accessible registration form',
    trigger: { type: 'http', method: 'GET', path: '/events/{eventId}/register', auth: 'public', summary: 'Hosted registration form (HTML)', throttle: PUBLIC_READ_THROTTLE },
    environment: ['TABLE_NAME'],
    table: 'read',
  },
  {
    name: 'openapi',
    description: 'The OpenAPI 3.1 document of this API',
    trigger: { type: 'http', method: 'GET', path: '/openapi.json', auth: 'public', summary: 'OpenAPI document', throttle: PUBLIC_READ_THROTTLE },
    environment: [],
  },
  {
    name: 'send-mail',
    description: 'Delivers outbox mail records through SES, once each',
    trigger: { type: 'table-stream', keyPrefix: MAIL_KEY_PREFIX, eventNames: ['INSERT'], batchSize: 10, retryAttempts: 8 },
    environment: ['TABLE_NAME', 'MAIL_FROM', 'PUBLIC_BASE_URL', 'MAIL_RATE_PER_SECOND'],
    table: 'readWrite',
    sendsMail: true,
    timeoutSeconds: 60,
  },
];

export const httpFunctions = () => catalogue.filter((spec): spec is FunctionSpec & { trigger: HttpTrigger } => spec.trigger.type === 'http');
export const streamFunctions = () =>
  catalogue.filter((spec): spec is FunctionSpec & { trigger: TableStreamTrigger } => spec.trigger.type === 'table-stream');
