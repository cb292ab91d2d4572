import { inject } from 'vitest';
import type { SettleReport } from '../../infra/local/runtime';
import { ApiContract } from './api-contract';
import { setTimeout as sleep } from 'node:timers/promises';

export interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: Array<{ content: string; contentType: string; filename?: string }>;
  at: number;
}

export const api = (path: string) => `${inject('apiUrl')}${path}`;

/** The path and query of a URL the system wrote (a link in a mail, a redirect), for `call()`. */
export const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

let contract: Promise<ApiContract> | undefined;

/** The document the stack serves, read once per test file. */
export const apiContract = () =>
  (contract ??= fetch(api('/openapi.json')).then(async (response) => {
    if (response.status !== 200) throw new Error(`GET /openapi.json answered ${response.status}`);
    return ApiContract.load(await response.json());
  }));

/**
 * A request to the local stack. Every answer is checked against /openapi.json (status, content
 * type, body, required headers; see api-contract.ts): one the document does not describe fails
 * the test that provoked it.
 */
export async function call(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(api(path), { method, headers, body, redirect: 'manual' });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const mismatches = (await apiContract()).mismatches({ method, path, status: response.status, headers: response.headers, text });
  if (mismatches.length > 0) {
    throw new Error(`${method} ${path} answered ${response.status} as /openapi.json does not describe it:\n- ${mismatches.join('\n- ')}\nbody: ${text.slice(0, 500)}`);
  }
  return { status: response.status, headers: response.headers, bytes, text, json };
}

let eventCounter = 0;

/**
 * An event of the integration organisation starting in a week, with a unique title. It
 * registers at once (`emailConfirmation: 'off'`) unless a test asks for address confirmation.
 */
export async function createEvent(overrides: Record<string, unknown> = {}) {
  const start = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  start.setUTCMinutes(0, 0, 0);
  const response = await call('POST', '/admin/events', {
    token: inject('organiserToken'),
    body: {
      title: `Workshop ${++eventCounter} ${Date.now()}`,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3600 * 1000).toISOString(),
      venue: { name: 'Provinciehuis', address: 'Pythagoraslaan 101, Utrecht' },
      capacity: 2,
      emailConfirmation: 'off',
      ...overrides,
    },
  });
  if (response.status !== 201) throw new Error(`Could not create event: ${response.status} ${response.text}`);
  return response.json as { id: string; title: string; startsAt: string; endsAt: string };
}

export async function allMail(): Promise<StoredMail[]> {
  const response = await fetch(`${inject('mailUrl')}/store`);
  return ((await response.json()) as { emails: StoredMail[] }).emails;
}

/** Polls the SES emulator until `predicate` holds for the mails matching `filter`. */
export async function waitForMail(filter: (mail: StoredMail) => boolean, predicate: (mails: StoredMail[]) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let mails: StoredMail[] = [];
  while (Date.now() < deadline) {
    mails = (await allMail()).filter(filter);
    if (predicate(mails)) return mails;
    await sleep(100);
  }
  throw new Error(`Mail did not arrive as expected within ${timeoutMs} ms; have ${mails.length}: ${mails.map((m) => m.subject).join(' | ')}`);
}

export const uniqueEmail = (label: string) => `${label}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.org`;

/** Operator actions on the shared local stack (see global-setup.ts). */
export async function operate(action: '/mail/offline' | '/mail/online' | '/schedules/run' | '/streams/drain') {
  const response = await fetch(`${inject('controlUrl')}${action}`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`${action} failed: ${response.status} ${await response.text()}`);
}

/**
 * Waits for the system, not the clock: the stack runs the due schedules, drains the stream
 * and the SES feedback round after round until a round changes nothing and no mail is due or
 * waiting out a retry backoff (see LocalRuntime.settle). Then nothing the system was asked to
 * do is still on its way, and "no second mail" can be asserted. While SES is offline, pass
 * `{ waitForRetries: false }`: retries would only fail again.
 */
export async function settle(options: { waitForRetries?: boolean } = {}): Promise<SettleReport> {
  const query = options.waitForRetries === false ? '?retries=due' : '';
  const response = await fetch(`${inject('controlUrl')}/settle${query}`, { method: 'POST' });
  if (response.status !== 200) throw new Error(`The system did not settle: ${response.status} ${await response.text()}`);
  return (await response.json()) as SettleReport;
}

/** The personal link in the newest mail to `email` that has one. */
export async function personalLinkFor(email: string): Promise<{ url: string; registrationId: string; token: string }> {
  const mails = await waitForMail((mail) => mail.destination.to.includes(email) && /\/registrations\/[^?\s]+\?token=/.test(mail.body.text ?? ''), (found) => found.length > 0);
  const match = /(http:\/\/[^\s]+\/registrations\/([^?\s]+)\?token=([A-Za-z0-9_-]+))/.exec(mails.at(-1)!.body.text ?? '')!;
  return { url: match[1]!, registrationId: match[2]!, token: match[3]! };
}

export interface PublishedEvent {
  id: string;
  source: string;
  'detail-type': string;
  time: string;
  detail: { type: string; eventId: string; registrationId?: string; status?: string; previousStatus?: string; [field: string]: unknown };
}

/** What the state-change bus carried for an event so far (the local runtime records it; see infra/local/event-bus.ts). */
export async function publishedEvents(eventId: string): Promise<PublishedEvent[]> {
  const response = await fetch(api(`/_local/published-events?eventId=${encodeURIComponent(eventId)}`));
  if (response.status !== 200) throw new Error(`Published events: ${response.status} ${await response.text()}`);
  return (await response.json()) as PublishedEvent[];
}
