import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { mailingItem } from '../../shared/adapters/dynamo/mailing-repository';
import { writeEventWithRegistrations } from '../support/seed-event';
import { newEvent } from '../../shared/domain/event-changes';
import { checkInCodeOf, retentionEnd } from '../../shared/domain/registration';
import type { Mailing } from '../../shared/domain/mailing';
import { LOCAL_REGION, type LocalRuntime } from '../../infra/local/runtime';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FanoutFigures {
  reminders: number;
  ratePerSecond: number;
  /** Mails delivered per second, from the first delivery to the last. */
  achievedPerSecond: number;
  totalMs: number;
  duplicates: number;
}


/** An event with N confirmed participants, written straight to the table, and a reminder due now. */
async function seed(client: DynamoDBDocumentClient, tableName: string, participants: number) {
  const now = new Date();
  const startsAt = new Date(now.getTime() + 2 * 86_400_000).toISOString();
  const event = {
    ...newEvent(
      { title: `Fan-out ${now.getTime()}`, startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), venue: { name: 'Bench' }, capacity: participants, reminders: [], emailConfirmation: 'off' },
      { id: ulid(), organisationId: 'bench' },
      now,
    ),
  };
  const registered = new Date(now.getTime() - 3_600_000).toISOString();
  const registrations = Array.from({ length: participants }, (_, index) => {
    const registrationId = ulid();
    return {
      registrationId,
      eventId: event.id,
      name: `Person ${index}`,
      email: `fanout${index}@example.org`,
      language: 'en' as const,
      status: 'confirmed' as const,
      createdAt: registered,
      consentedAt: registered,
      retainUntil: retentionEnd(event),
      checkInCode: checkInCodeOf(registrationId),
    };
  });
  await writeEventWithRegistrations(client, tableName, event, registrations, { organisationIndex: false });
  const reminder: Mailing = { eventId: event.id, jobId: 'reminder-P2D', kind: 'reminder', dueAt: now.toISOString(), state: 'scheduled', sent: 0, offset: 'P2D', registeredBefore: now.toISOString(), audience: 'confirmed' };
  return { event, reminder };
}

export async function reminderFanout(runtime: LocalRuntime, options: { participants: number; ratePerSecond: number }): Promise<FanoutFigures> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: runtime.dynamoDbUrl, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  const { event, reminder } = await seed(client, runtime.tableName, options.participants);
  const subject = `Reminder: ${event.title}`;
  const seen = new Map<string, number>();
  const perRecipient = new Map<string, number>();
  let since = Math.floor(Date.now() / 1000) - 1;

  const started = performance.now();
  await client.send(new PutCommand({ TableName: runtime.tableName, Item: mailingItem(reminder) }));
  let first = 0;
  let last = 0;
  while (seen.size < options.participants) {
    await sleep(1000);
    const polledAt = Math.floor(Date.now() / 1000);
    const response = await fetch(`${runtime.mailViewerUrl}/store?since=${since}`);
    const { emails } = (await response.json()) as { emails: Array<{ messageId: string; subject: string; destination: { to: string[] } }> };
    since = polledAt - 2;
    for (const mail of emails) {
      if (!mail.subject.startsWith(subject) || seen.has(mail.messageId)) continue;
      seen.set(mail.messageId, performance.now());
      perRecipient.set(mail.destination.to[0]!, (perRecipient.get(mail.destination.to[0]!) ?? 0) + 1);
      first ||= performance.now();
      last = performance.now();
    }
  }
  client.destroy();
  const duplicates = [...perRecipient.values()].reduce((sum, count) => sum + count - 1, 0);
  const windowSeconds = Math.max(1, (last - first) / 1000 + 1);
  return {
    reminders: options.participants,
    ratePerSecond: options.ratePerSecond,
    achievedPerSecond: options.participants / windowSeconds,
    totalMs: performance.now() - started,
    duplicates,
  };
}
