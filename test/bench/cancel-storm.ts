import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { writeEventWithRegistrations } from '../support/seed-event';
import { newEvent } from '../../shared/domain/event-changes';
import { checkInCodeOf, retentionEnd, type Registration } from '../../shared/domain/registration';
import { issueOrganiserToken } from '../../infra/local/auth';
import { LOCAL_REGION, type LocalRuntime } from '../../infra/local/runtime';

export interface StormFigures {
  cancellations: number;
  capacity: number;
  waitlist: number;
  /** Until every cancellation request was answered. */
  answeredMs: number;
  /** Until every freed seat was given to the waitlist. */
  promotedMs: number;
  /** Until every promoted person's mail was in the mail server. */
  mailedMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A full event with a waitlist, written straight to the table: the storm is what is measured. */
async function seedFullEvent(client: DynamoDBDocumentClient, tableName: string, capacity: number, waiting: number) {
  const now = new Date();
  const startsAt = new Date(now.getTime() + 14 * 86_400_000).toISOString();
  const event = newEvent(
    { title: `Storm ${now.getTime()}`, startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), venue: { name: 'Bench' }, capacity, emailConfirmation: 'off' },
    { id: ulid(), organisationId: 'bench' },
    now,
  );
  const registrations: Registration[] = Array.from({ length: capacity + waiting }, (_, index) => ({
    ...withId(ulid()),
    eventId: event.id,
    name: `Person ${index}`,
    email: `storm${index}.${now.getTime()}@example.org`,
    language: 'en',
    status: index < capacity ? 'confirmed' : 'waitlisted',
    createdAt: now.toISOString(),
    consentedAt: now.toISOString(),
    retainUntil: retentionEnd(event),
  }));
  function withId(registrationId: string) {
    return { registrationId, checkInCode: checkInCodeOf(registrationId) };
  }
  const placed = await writeEventWithRegistrations(client, tableName, event, registrations);
  return { event, confirmed: placed.slice(0, capacity) };
}

async function mailCount(mailUrl: string, subject: string, since: number): Promise<number> {
  const response = await fetch(`${mailUrl}/store?since=${since}`);
  const { emails } = (await response.json()) as { emails: Array<{ subject: string }> };
  return emails.filter((mail) => mail.subject === subject).length;
}

export async function cancelStorm(runtime: LocalRuntime, options: { cancellations: number; capacity: number; waitlist: number; concurrency: number }): Promise<StormFigures> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: runtime.dynamoDbUrl, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  const token = await issueOrganiserToken(runtime.stateDir, 'bench');
  const { event, confirmed } = await seedFullEvent(client, runtime.tableName, options.capacity, options.waitlist);
  const since = Math.floor(Date.now() / 1000) - 1;

  const started = performance.now();
  const queue = confirmed.slice(0, options.cancellations).map((registration) => registration.registrationId);
  const workers = Array.from({ length: options.concurrency }, async () => {
    for (let id = queue.pop(); id; id = queue.pop()) {
      const response = await fetch(`${runtime.apiUrl}/admin/events/${event.id}/registrations/${id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`Cancellation failed: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    }
  });
  await Promise.all(workers);
  const answeredMs = performance.now() - started;

  let promotedMs = 0;
  while (!promotedMs) {
    const response = await fetch(`${runtime.apiUrl}/admin/events/${event.id}`, { headers: { authorization: `Bearer ${token}` } });
    const { counts } = (await response.json()) as { counts: { confirmed: number; waitlisted: number } };
    if (counts.confirmed === options.capacity && counts.waitlisted === options.waitlist - options.cancellations) promotedMs = performance.now() - started;
    else await sleep(100);
  }
  const subject = `A seat is yours: ${event.title}`;
  while ((await mailCount(runtime.mailViewerUrl, subject, since)) < options.cancellations) await sleep(250);
  const mailedMs = performance.now() - started;
  client.destroy();
  return { ...options, answeredMs, promotedMs, mailedMs };
}
