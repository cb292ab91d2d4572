import type {
  AddressConfirmation,
  AdminEvent,
  CancelledRegistration,
  CertificateRequest,
  CertificateRequestAccepted,
  CertificateStatus,
  CheckInByCodeRequest,
  CheckInResult,
  CorrectAddressRequest,
  CreateEventRequest,
  DoorEventList,
  DoorList,
  Erasure,
  EventList,
  FailedMailList,
  NeedsSummary,
  Problem,
  PublicEvent,
  Registration,
  RegistrationList,
  ReminderList,
  UpdateEventRequest,
} from './api-types';

/**
 * Every call the console makes to the API, in one place. The API is on the console's own
 * origin (`/admin/...`, `/events/...`); organiser routes carry the ID token as bearer token.
 */

/** The API answered with an error status; `problem` is its RFC 9457 body when it sent one. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

/** No answer at all: offline, the connection dropped, or it took too long. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** No valid token: signing in again is the way on (the API said 401, or the token ran out). */
export class SessionExpired extends Error {
  override name = 'SessionExpired';
}

export interface TokenSource {
  /** The ID token to send, or undefined when there is none or it has run out. */
  token(): string | undefined;
}

let tokens: TokenSource = { token: () => undefined };

export function useTokens(source: TokenSource): void {
  tokens = source;
}

const DEFAULT_TIMEOUT_MS = 20_000;

interface RequestOptions {
  body?: unknown;
  accept?: string;
  /** Public routes go without a token. */
  anonymous?: boolean;
  timeoutMs?: number;
}

interface Answer {
  response: Response;
  /** The server's clock when it answered (its `Date` header), to tell "just now" from "earlier". */
  serverTime?: number;
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  if (!options.anonymous) {
    const token = tokens.token();
    if (!token) throw new SessionExpired();
    headers.authorization = `Bearer ${token}`;
  }
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  if (response.status === 401) throw new SessionExpired();
  if (!response.ok) {
    const type = response.headers.get('content-type') ?? '';
    const problem = /json/i.test(type) ? ((await response.json().catch(() => undefined)) as Problem | undefined) : undefined;
    throw new ApiError(response.status, problem && typeof problem === 'object' && 'status' in problem ? problem : undefined);
  }
  const date = response.headers.get('date');
  return { response, serverTime: date ? Date.parse(date) : undefined };
}

async function json<T>(method: string, path: string, options?: RequestOptions): Promise<T> {
  const { response } = await send(method, path, options);
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
}

const eventPath = (eventId: string) => `/admin/events/${encodeURIComponent(eventId)}`;
const registrationPath = (eventId: string, registrationId: string) => `${eventPath(eventId)}/registrations/${encodeURIComponent(registrationId)}`;

export const api = {
  listEvents: () => json<EventList>('GET', '/admin/events'),
  getEvent: (eventId: string) => json<AdminEvent>('GET', eventPath(eventId)),
  /** What anyone may see; a door account may not read the organiser's view of the event. */
  getPublicEvent: (eventId: string) => json<PublicEvent>('GET', `/events/${encodeURIComponent(eventId)}`, { anonymous: true }),
  createEvent: (event: CreateEventRequest) => json<AdminEvent>('POST', '/admin/events', { body: event }),
  updateEvent: (eventId: string, changes: UpdateEventRequest) => json<AdminEvent>('PATCH', eventPath(eventId), { body: changes }),
  cancelEvent: (eventId: string) => json<AdminEvent>('POST', `${eventPath(eventId)}/cancel`),

  listRegistrations: (eventId: string) => json<RegistrationList>('GET', `${eventPath(eventId)}/registrations`),
  /** The CSV export (UTF-8 with a byte order mark, for Excel) and the file name the API suggests. */
  async exportRegistrations(eventId: string): Promise<{ blob: Blob; filename: string }> {
    const { response } = await send('GET', `${eventPath(eventId)}/registrations`, { accept: 'text/csv' });
    const disposition = response.headers.get('content-disposition') ?? '';
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `registrations-${eventId}.csv`;
    return { blob: await response.blob(), filename };
  },
  /** Cancels a registration for the person; a pending one is removed entirely. */
  cancelRegistration: (eventId: string, registrationId: string) =>
    json<CancelledRegistration>('POST', `${registrationPath(eventId, registrationId)}/cancel`),
  /** Confirms a pending registration's address on the person's behalf. */
  confirmRegistration: (eventId: string, registrationId: string) => json<AddressConfirmation>('POST', `${registrationPath(eventId, registrationId)}/confirm`),
  /** The registration with its new address (the undeliverable flag cleared, the latest relevant mail sent again). */
  correctAddress: (eventId: string, registrationId: string, email: string) =>
    json<Registration>('PUT', `${registrationPath(eventId, registrationId)}/email`, { body: { email } satisfies CorrectAddressRequest }),
  /** Erases the person's data at their request: a held place goes to the next person, nobody is mailed. */
  eraseRegistration: (eventId: string, registrationId: string) => json<Erasure>('DELETE', registrationPath(eventId, registrationId)),
  /** The needs of the people with a seat; with names only when asked, and the API records that read. */
  needsSummary: (eventId: string, names = false) => json<NeedsSummary>('GET', `${eventPath(eventId)}/needs-summary${names ? '?names=true' : ''}`),

  doorEvents: () => json<DoorEventList>('GET', '/admin/door-events'),
  doorList: (eventId: string) => json<DoorList>('GET', `${eventPath(eventId)}/door-list`),
  async checkInByCode(eventId: string, code: string, timeoutMs?: number): Promise<{ result: CheckInResult; serverTime?: number }> {
    const body: CheckInByCodeRequest = { code };
    const { response, serverTime } = await send('POST', `${eventPath(eventId)}/check-in`, { body, timeoutMs });
    return { result: (await response.json()) as CheckInResult, serverTime };
  },
  /** `at`: when this device checked the person in, for a check-in sent after the fact (offline). */
  checkIn: (eventId: string, registrationId: string, timeoutMs?: number, at?: string) =>
    json<CheckInResult>('POST', `${registrationPath(eventId, registrationId)}/check-in`, { timeoutMs, ...(at ? { body: { at } } : {}) }),
  undoCheckIn: (eventId: string, registrationId: string, timeoutMs?: number) =>
    json<CheckInResult>('DELETE', `${registrationPath(eventId, registrationId)}/check-in`, { timeoutMs }),

  requestCertificates: (eventId: string, request: CertificateRequest) =>
    json<CertificateRequestAccepted>('POST', `${eventPath(eventId)}/certificates`, { body: request }),
  certificateStatus: (eventId: string) => json<CertificateStatus>('GET', `${eventPath(eventId)}/certificates`),
  failedMail: (eventId: string) => json<FailedMailList>('GET', `${eventPath(eventId)}/failed-mail`),
  reminders: (eventId: string) => json<ReminderList>('GET', `${eventPath(eventId)}/reminders`),
};

export type Api = typeof api;
