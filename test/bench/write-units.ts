import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { EventRepository } from '../../shared/adapters/dynamo/event-repository';
import { RegistrationRepository } from '../../shared/adapters/dynamo/registration-repository';
import { newEvent } from '../../shared/domain/event-changes';
import { checkInCodeOf, retentionEnd, type Registration } from '../../shared/domain/registration';
import { newId, systemClock, type RegistrationDeps } from '../../shared/use-cases/deps';
import { register } from '../../shared/use-cases/register';
import { createTable } from '../../infra/local/runtime';
import { freePort, startDynamoDbLocal } from '../../infra/local/services';
import { capacityReportingClient } from '../support/consumed-capacity';
import { writeEventWithRegistrations } from '../support/seed-event';

export interface WriteUnitsRow {
  label: string;
  /** As DynamoDB Local reports them (ReturnConsumedCapacity). */
  units: number;
  /** As AWS would bill the same writes. */
  billed: number;
  detail: string;
}

/**
 * What one registration writes, as DynamoDB reports it, on events whose waitlists are 0, 1,000
 * and 10,000 long: a seat on an event with room, and a waitlist place on a full event.
 */
export async function writeUnitsPerRegistration(waitlistLengths: number[]): Promise<WriteUnitsRow[]> {
  const port = await freePort();
  const dynamo = await startDynamoDbLocal(port);
  const tableName = 'write-units';
  try {
    await createTable(`http://127.0.0.1:${port}`, tableName);
    const { client, log } = capacityReportingClient(`http://127.0.0.1:${port}`);
    const deps: RegistrationDeps = { events: new EventRepository(tableName, client), registrations: new RegistrationRepository(tableName, client), clock: systemClock };
    const rows: WriteUnitsRow[] = [];

    const measure = async (label: string, eventId: string, email: string) => {
      await deps.events.getHint(eventId);
      log.clear();
      const outcome = await register(deps, eventId, { name: 'Zoë de Vries-Çelik', email, organisation: 'Waterschap Rivierenland', role: 'Beleidsadviseur participatie', consent: true });
      const writes = log.calls.filter((call) => ['TransactWriteItems', 'UpdateItem', 'PutItem'].includes(call.operation));
      // A first newcomer on a full event also opens the waitlist, once per event: not part of a registration's cost.
      const registrationWrites = writes.slice(writes.length - (outcome.status === 'waitlisted' ? 2 : 1));
      const billed = registrationWrites.map((call) => ({ operation: call.operation, ...billedUnits(call) }));
      rows.push({
        label,
        units: billed.reduce((sum, call) => sum + call.reported, 0),
        billed: billed.reduce((sum, call) => sum + call.total, 0),
        detail: billed.map((call) => `${call.operation} ${call.reported}`).join(' + '),
      });
    };

    const seatEvent = await eventWith(client, tableName, 100, { full: false, waiting: 0 });
    await measure('a seat (waitlist 0)', seatEvent, 'seat@example.org');
    for (const waiting of waitlistLengths) {
      const full = await eventWith(client, tableName, 100, { full: true, waiting });
      await measure(`a waitlist place (waitlist ${waiting.toLocaleString('en')})`, full, `waiting${waiting}@example.org`);
    }
    return rows;
  } finally {
    await dynamo.stop();
  }
}

/**
 * What AWS would bill for the same call if every item is under 1 KB (the write-cost test checks
 * they are): a transaction costs 2 units per item, an index entry 1. DynamoDB Local's own report
 * does not always double transactional items, so both are shown.
 */
function billedUnits(call: { operation: string; capacity: ConsumedCapacity[]; items: number }): { total: number; reported: number } {
  const reported = call.capacity.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
  const indexes = call.capacity.reduce((sum, entry) => sum + Object.values(entry.GlobalSecondaryIndexes ?? {}).reduce((total, index) => total + (index.CapacityUnits ?? 0), 0), 0);
  return { total: call.operation === 'TransactWriteItems' ? 2 * call.items + indexes : reported, reported };
}

async function eventWith(client: Parameters<typeof writeEventWithRegistrations>[0], tableName: string, capacity: number, { full, waiting }: { full: boolean; waiting: number }): Promise<string> {
  const now = new Date();
  const startsAt = new Date(now.getTime() + 30 * 86_400_000).toISOString();
  const event = newEvent(
    { title: 'Masterclass inclusieve participatie', description: 'Een dag over participatie. '.repeat(60), startsAt, endsAt: new Date(Date.parse(startsAt) + 8 * 3_600_000).toISOString(), venue: { name: 'Provinciehuis' }, capacity, emailConfirmation: 'off' },
    { id: newId(), organisationId: 'bench' },
    now,
  );
  const people: Registration[] = Array.from({ length: (full ? capacity : 0) + waiting }, (_, index) => {
    const registrationId = newId();
    return {
      registrationId,
      eventId: event.id,
      name: `Persoon ${index}`,
      email: `person${index}.${event.id}@example.org`,
      language: 'nl',
      status: index < capacity ? 'confirmed' : 'waitlisted',
      createdAt: now.toISOString(),
      consentedAt: now.toISOString(),
      retainUntil: retentionEnd(event),
      checkInCode: checkInCodeOf(registrationId),
    };
  });
  await writeEventWithRegistrations(client, tableName, event, people, { full });
  return event.id;
}
