import { vi } from 'vitest';
import { e2e } from './browser';

/** A call to the local API as a client other than the browser (arranging data, checking the server's state). */
export async function callApi(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${e2e().apiUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

/** As callApi, for a call that must succeed with `status`. */
export async function organiserApi(method: string, path: string, status: number, body?: unknown): Promise<any> {
  const response = await callApi(method, path, { token: e2e().organiserToken, body });
  if (response.status !== status) throw new Error(`${method} ${path} answered ${response.status}, not ${status}: ${JSON.stringify(response.json)}`);
  return response.json;
}

export interface StoredMail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: Array<{ content: string; contentType: string; filename?: string }>;
}

/**
 * Waits for the system, not the clock: the stack runs its due schedules, drains its stream and
 * SES feedback until nothing changes and no mail is due or waiting to be retried (see
 * LocalRuntime.settle). Assert an absence ("no second mail") after this, never after a delay.
 */
export async function settle(): Promise<void> {
  const response = await fetch(e2e().settleUrl, { method: 'POST' });
  if (response.status !== 200) throw new Error(`The stack did not settle: ${response.status} ${await response.text()}`);
}

/** Every mail the SES emulator has accepted. */
export async function allMail(): Promise<StoredMail[]> {
  const response = await fetch(`${e2e().mailUrl}/store`);
  return ((await response.json()) as { emails: StoredMail[] }).emails;
}

/** The newest mail to `email` that shows a check-in code (the confirmation), once the stream has sent it. */
export const mailWithCheckInCode = (email: string): Promise<StoredMail> =>
  vi.waitFor(
    async () => {
      const found = (await allMail()).filter((mail) => mail.destination.to.includes(email) && mail.attachments.some((attachment) => attachment.filename === 'check-in.png'));
      if (found.length === 0) throw new Error(`No mail with a check-in code has reached ${email}`);
      return found.at(-1)!;
    },
    { timeout: 20_000, interval: 100 },
  );

/** The code a mail shows in words ("Je code voor de ingang: AB12-CD34.") and its QR image. */
export function checkInCodeOf(mail: StoredMail): { code: string; qrPng: Buffer } {
  const code = /: ([0-9A-Z]{4}-[0-9A-Z]{4})\./.exec(mail.body.text ?? '')?.[1];
  const qr = mail.attachments.find((attachment) => attachment.filename === 'check-in.png');
  if (!code || !qr) throw new Error(`The mail "${mail.subject}" shows no check-in code`);
  return { code, qrPng: Buffer.from(qr.content, 'base64') };
}

const HOUR = 3600 * 1000;

/** An event of the tests' organisation, made through the API, starting at 09:00 UTC `daysAhead` days from now; it registers at once unless `emailConfirmation` says otherwise. */
export async function arrangeEvent(fields: Record<string, unknown> & { title: string }, daysAhead = 7): Promise<{ id: string; title: string }> {
  const start = new Date(Date.now() + daysAhead * 24 * HOUR);
  start.setUTCHours(9, 0, 0, 0);
  return organiserApi('POST', '/admin/events', 201, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3 * HOUR).toISOString(),
    venue: { name: 'Stadhuis', address: 'Stadsplateau 1, Utrecht' },
    capacity: 10,
    emailConfirmation: 'off',
    ...fields,
  });
}

/** Registers through the public API (the hosted form is the organiser journey's part); returns the registration id. */
export async function arrangeRegistration(eventId: string, person: Record<string, unknown> & { name: string; email: string }): Promise<string> {
  const registered = await callApi('POST', `/events/${eventId}/registrations`, { body: { consent: true, ...person } });
  if (registered.status !== 201) throw new Error(`Could not register ${person.email}: ${registered.status} ${JSON.stringify(registered.json)}`);
  return registered.json.registrationId;
}

export const arrangeCheckIn = (eventId: string, registrationId: string) => organiserApi('POST', `/admin/events/${eventId}/registrations/${registrationId}/check-in`, 200);

/**
 * Moves an event to this morning, so it has ended. People can only register before the start,
 * so an event with registrations that has ended is made in the future and moved, as an
 * organiser would correct its date.
 */
export const arrangeEnded = (eventId: string) =>
  organiserApi('PATCH', `/admin/events/${eventId}`, 200, { startsAt: new Date(Date.now() - 4 * HOUR).toISOString(), endsAt: new Date(Date.now() - HOUR).toISOString() });
