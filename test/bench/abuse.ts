import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { issueOrganiserToken } from '../../infra/local/auth';
import { LOCAL_REGION, type LocalRuntime } from '../../infra/local/runtime';
import { EventRepository } from '../../shared/adapters/dynamo/event-repository';
import { RegistrationRepository } from '../../shared/adapters/dynamo/registration-repository';
import type { RegistrationDeps } from '../../shared/use-cases/deps';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What bots and made-up addresses can do to an event and to the sender's reputation, measured
 * on the local stack: a bot run against an event that confirms addresses, and a thousand
 * permanent bounces from the SES mailbox simulator.
 */

interface StoredMail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}


async function storedMail(runtime: LocalRuntime): Promise<StoredMail[]> {
  return ((await (await fetch(`${runtime.mailViewerUrl}/store`)).json()) as { emails: StoredMail[] }).emails;
}

/** Runs the schedules and drains the stream until a round sends no new mail. */
async function settle(runtime: LocalRuntime): Promise<void> {
  let previous = -1;
  for (let round = 0; round < 50; round++) {
    await runtime.runSchedules();
    await runtime.drainStreams(120_000);
    const count = (await storedMail(runtime)).length;
    if (count === previous) return;
    previous = count;
    await sleep(200);
  }
}

async function inParallel<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
  }));
}

function api(runtime: LocalRuntime, token?: string) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${runtime.apiUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
}

async function createEvent(runtime: LocalRuntime, token: string, fields: Record<string, unknown>) {
  const start = new Date(Date.now() + 14 * 86_400_000);
  start.setUTCHours(9, 0, 0, 0);
  const created = await api(runtime, token)('POST', '/admin/events', {
    title: `Bench ${Date.now()}`,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 8 * 3_600_000).toISOString(),
    venue: { name: 'Bench' },
    language: 'en',
    ...fields,
  });
  if (created.status !== 201) throw new Error(`Could not create the event: ${created.status} ${JSON.stringify(created.json)}`);
  return created.json as { id: string; title: string; endsAt: string };
}

export interface BotRunFigures {
  bots: number;
  people: number;
  capacity: number;
  /** Seats and waitlist places bots held after the confirmation window. */
  heldByBotsAfter: number;
  peoplePromoted: number;
  /** Whether the people got their seats in the order they joined the waitlist. */
  promotedInOrder: boolean;
  /** Mails to made-up addresses beyond the one confirmation request each. */
  extraMailsToBots: number;
  sweepMs: number;
}

export async function botRun(runtime: LocalRuntime, options: { bots: number; people: number; capacity: number }): Promise<BotRunFigures> {
  const token = await issueOrganiserToken(runtime.stateDir, 'bench');
  const event = await createEvent(runtime, token, { capacity: options.capacity, emailConfirmation: 'required' });
  const call = api(runtime);
  const stamp = Date.now();
  const bots = Array.from({ length: options.bots }, (_, index) => `victim+${index}.${stamp}@made-up.example`);
  const people = Array.from({ length: options.people }, (_, index) => `person${index}.${stamp}@gemeente.example`);

  // The bots come first and take every seat and the front of the waitlist; the people queue behind them.
  await inParallel(bots, 20, async (email) => {
    const answer = await call('POST', `/events/${event.id}/registrations`, { name: 'Your account is locked - verify at https://evil.example/login', email, consent: true });
    if (answer.status !== 202) throw new Error(`A bot registration answered ${answer.status}`);
  });
  for (const email of people) {
    const answer = await call('POST', `/events/${event.id}/registrations`, { name: 'Deelnemer', email, consent: true });
    if (answer.status !== 202) throw new Error(`A registration answered ${answer.status}`);
  }
  await settle(runtime);
  // The people confirm from their mail, in the order they registered; the bots never do.
  const mails = await storedMail(runtime);
  for (const email of people) {
    const request = mails.find((mail) => mail.destination.to.includes(email) && mail.subject.startsWith('Confirm your registration'));
    const link = /\/registrations\/([^?\s]+)\?token=([A-Za-z0-9_-]+)/.exec(request?.body.text ?? '');
    if (!link) throw new Error(`No confirmation request reached ${email}`);
    const confirmed = await call('POST', `/registrations/${link[1]}/confirm`, { token: link[2] });
    if (confirmed.json?.status !== 'waitlisted') throw new Error(`${email} was confirmed as ${confirmed.json?.status}`);
  }

  // The sweep, as it runs once the two-hour window has passed: it finds the holds as if the
  // window were over, and does everything else (promotions included) on the real clock, as the
  // stream function beside it does, so the promotion times can be compared.
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: runtime.dynamoDbUrl, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  const events = new EventRepository(runtime.tableName, client);
  const lapsedHolds = events.activity.lapsedHolds.bind(events.activity);
  events.activity.lapsedHolds = (now, limit) => lapsedHolds(new Date(now.getTime() + 2 * 3_600_000 + 60_000), limit);
  const deps: RegistrationDeps = { events, registrations: new RegistrationRepository(runtime.tableName, client), clock: { now: () => new Date() } };
  const { releaseLapsedHolds } = await import('../../shared/use-cases/address-confirmation');
  const sweepStarted = performance.now();
  while ((await releaseLapsedHolds(deps, { limit: 1000, stopBy: Date.now() + 60_000 })) > 0);
  const sweepMs = performance.now() - sweepStarted;
  await settle(runtime);

  const organiser = api(runtime, token);
  const items = (await organiser('GET', `/admin/events/${event.id}/registrations`)).json.items as Array<{ registrationId: string; email: string; status: string }>;
  const botSet = new Set(bots);
  const heldByBotsAfter = items.filter((item) => botSet.has(item.email) && item.status !== 'cancelled').length;
  const seated = items.filter((item) => people.includes(item.email) && item.status === 'confirmed');
  const promotions = await Promise.all(seated.map(async (item) => ({ email: item.email, registration: await deps.registrations.findById(item.registrationId) })));
  const order = promotions
    .sort((a, b) => (a.registration?.waitlistSeq ?? 0) - (b.registration?.waitlistSeq ?? 0))
    .map((entry) => entry.registration?.promotedAt ?? '');
  const promotedInOrder = order.every((at, index) => at !== '' && (index === 0 || at >= order[index - 1]!));
  const botMails = (await storedMail(runtime)).filter((mail) => mail.destination.to.some((to) => botSet.has(to)));
  client.destroy();
  return { ...options, heldByBotsAfter, peoplePromoted: seated.length, promotedInOrder, extraMailsToBots: botMails.length - bots.length, sweepMs };
}

export interface BounceFigures {
  bounces: number;
  /** Registrations marked undeliverable after the feedback was processed. */
  marked: number;
  feedbackMs: number;
  /** Mails that reached a bounced address after the bounce. */
  laterMailsSent: number;
  suppressed: number;
}

export async function bounceRun(runtime: LocalRuntime, options: { bounces: number }): Promise<BounceFigures> {
  const token = await issueOrganiserToken(runtime.stateDir, 'bench');
  const event = await createEvent(runtime, token, { capacity: options.bounces, emailConfirmation: 'off' });
  const call = api(runtime);
  const organiser = api(runtime, token);
  const stamp = Date.now().toString(36);
  const addresses = Array.from({ length: options.bounces }, (_, index) => `bounce+${stamp}.${index}@simulator.amazonses.com`);

  const started = performance.now();
  await inParallel(addresses, 20, async (email) => {
    const answer = await call('POST', `/events/${event.id}/registrations`, { name: 'Onbekend', email, consent: true });
    if (answer.status !== 201) throw new Error(`A registration answered ${answer.status}`);
  });
  await settle(runtime);
  const feedbackMs = performance.now() - started;
  const items = (await organiser('GET', `/admin/events/${event.id}/registrations`)).json.items as Array<{ addressUndeliverable?: string }>;
  const marked = items.filter((item) => item.addressUndeliverable === 'bounced').length;

  // A change of time mails everyone with a seat: none of it may reach a bounced address.
  const before = (await storedMail(runtime)).length;
  const moved = await organiser('PATCH', `/admin/events/${event.id}`, { endsAt: new Date(Date.parse(event.endsAt) + 3_600_000).toISOString() });
  if (moved.status !== 200) throw new Error(`Moving the event answered ${moved.status}`);
  await settle(runtime);
  const bounced = new Set(addresses);
  const laterMailsSent = (await storedMail(runtime)).slice(before).filter((mail) => mail.destination.to.some((to) => bounced.has(to))).length;
  const counts = (await organiser('GET', `/admin/events/${event.id}`)).json.counts as { mail: { suppressed: number } };
  return { bounces: options.bounces, marked, feedbackMs, laterMailsSent, suppressed: counts.mail.suppressed };
}
