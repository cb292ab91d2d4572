import * as http from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLIENT_WRITE_LIMIT } from '../../infra/client-limit';
import { createTokenVerifier } from '../../infra/local/auth';
import { startGateway, type RunningGateway } from '../../infra/local/gateway';
import { loadHandler } from '../../infra/local/handlers';
import { applyLocalEnvironment, DEFAULT_MAIL_FROM, projectRoot } from '../../infra/local/runtime';
import { createEvent, uniqueEmail } from '../support/local-stack';

/**
 * The shared test stack sends hundreds of writes from 127.0.0.1 and so runs without the
 * per-client limit. This file puts a second gateway, limited as `npm start` limits it, in
 * front of the same handlers and DynamoDB Local, and calls it from distinct loopback
 * addresses (Linux routes all of 127.0.0.0/8 to the loopback interface).
 */
const LIMITED_CLIENT = '127.0.0.11';
const OTHER_CLIENT = '127.0.0.12';

let gateway: RunningGateway;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  json: any;
}

function send(from: string, method: string, path: string, options: { body?: unknown; token?: string } = {}): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const url = new URL(path, gateway.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        localAddress: from,
        agent: false,
        headers: {
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, json });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Registered (201), or held until the address is confirmed (202) on events that ask for that. */
const ACCEPTED = [201, 202];

const person = (label: string) => ({ name: `${label} Zoë Ça Ğ`, email: uniqueEmail(label), consent: true });

let event: { id: string };
let lastAdmitted: { email: string; answer: Answer };

beforeAll(async () => {
  gateway = await startGateway({
    port: 0,
    loadHandler: (spec) => loadHandler(projectRoot, spec),
    verifyToken: await createTokenVerifier(inject('stateDir')),
    clientWriteLimit: CLIENT_WRITE_LIMIT,
  });
  // The handlers behind this gateway run in this worker: point them at the shared stack's emulators.
  applyLocalEnvironment({
    dynamoDbUrl: inject('dynamoDbUrl'),
    sesUrl: inject('mailUrl'),
    // Nothing here follows the stream, so nothing publishes: any address will do.
    eventBusUrl: 'http://127.0.0.1:9',
    tableName: inject('tableName'),
    publicBaseUrl: gateway.url,
    mailFrom: DEFAULT_MAIL_FROM,
    mailRatePerSecond: 100,
    mailRetryBaseSeconds: 1,
  });
  event = await createEvent({ capacity: 10 });

  // 300 writes within the window: 299 for an event that does not exist (they count all the
  // same, as WAF counts every request to the route), then one real registration.
  const missing = `no-such-event-${Date.now()}`;
  for (let batch = 0; batch < 299; batch += 23) {
    const size = Math.min(23, 299 - batch);
    const answers = await Promise.all(Array.from({ length: size }, () => send(LIMITED_CLIENT, 'POST', `/events/${missing}/registrations`, { body: person('filler') })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(size).fill(404));
  }
  const email = uniqueEmail('three-hundredth');
  lastAdmitted = { email, answer: await send(LIMITED_CLIENT, 'POST', `/events/${event.id}/registrations`, { body: { ...person('x'), email } }) };
});

afterAll(async () => {
  await gateway?.stop();
});

describe('the per-client limit on public writes (300 per 5 minutes per address)', () => {
  it("admits a client's 300th write", () => {
    expect(ACCEPTED).toContain(lastAdmitted.answer.status);
  });

  it('refuses its 301st with a 429 problem and Retry-After, and stores nothing', async () => {
    const refused = person('refused');

    const answer = await send(LIMITED_CLIENT, 'POST', `/events/${event.id}/registrations`, { body: refused });

    expect(answer.status).toBe(429);
    expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(answer.json).toEqual({
      type: 'urn:event-registration:problem:too-many-requests',
      title: 'Too many requests from your address',
      status: 429,
      detail: expect.stringContaining('Retry-After'),
    });
    const retryAfter = Number(answer.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(300);

    const registrations = await send(LIMITED_CLIENT, 'GET', `/admin/events/${event.id}/registrations`, { token: inject('organiserToken') });
    const emails = (registrations.json.items as Array<{ email: string }>).map((item) => item.email);
    expect(emails).toContain(lastAdmitted.email);
    expect(emails).not.toContain(refused.email);
  });

  it('counts every public write route together: a cancellation from that client is refused too', async () => {
    const answer = await send(LIMITED_CLIENT, 'POST', '/registrations/01J00000000000000000000000/cancel?token=anything', { body: {} });

    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('still serves another address', async () => {
    const answer = await send(OTHER_CLIENT, 'POST', `/events/${event.id}/registrations`, { body: person('colleague') });

    expect(ACCEPTED).toContain(answer.status);
  });

  it("still serves the limited client's reads and its organiser's writes", async () => {
    const publicEvent = await send(LIMITED_CLIENT, 'GET', `/events/${event.id}`);
    const form = await send(LIMITED_CLIENT, 'GET', `/events/${event.id}/register`);
    const start = new Date(Date.now() + 14 * 24 * 3600 * 1000);
    start.setUTCMinutes(0, 0, 0);
    const created = await send(LIMITED_CLIENT, 'POST', '/admin/events', {
      token: inject('organiserToken'),
      body: {
        title: `Organiser behind a busy address ${Date.now()}`,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3600 * 1000).toISOString(),
        venue: { name: 'Stadhuis', address: 'Markt 1, Utrecht' },
        capacity: 5,
      },
    });

    expect([publicEvent.status, form.status, created.status]).toEqual([200, 200, 201]);
  });
});
