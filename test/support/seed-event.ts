import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { registrationItem } from '../../shared/adapters/dynamo/registration-repository';
import { counterItems, gateOf } from '../../shared/adapters/dynamo/seat-counters';
import { keys } from '../../shared/adapters/dynamo/keys';
import type { EventRecord } from '../../shared/domain/event';
import { normaliseEmail, type Registration } from '../../shared/domain/registration';
import { initialSeats } from '../../shared/domain/seats';

/**
 * Writes an event with registrations already made, as the registration transactions would have
 * left them (seats counted shard by shard, waiting people numbered in order), without making
 * them one by one: for benches and tests that need a large event to start from.
 */
export async function writeEventWithRegistrations(
  client: DynamoDBDocumentClient,
  tableName: string,
  event: EventRecord,
  registrations: Registration[],
  options: { organisationIndex?: boolean; full?: boolean } = {},
): Promise<Registration[]> {
  const seats = initialSeats(gateOf(event), event.capacity);
  let shard = 0;
  let seq = 0;
  const placed = registrations.map((registration): Registration => {
    if (registration.status === 'waitlisted') return { ...registration, waitlistSeq: ++seq };
    if (registration.status !== 'confirmed') return registration;
    while (seats.shards[shard]!.taken >= seats.shards[shard]!.capacity) shard++;
    seats.shards[shard]!.taken++;
    return { ...registration, seatShard: shard };
  });
  seats.waitlist = { ...seats.waitlist, next: seq + 1, waiting: seq, full: options.full ?? seq > 0 };
  const items: Record<string, unknown>[] = [
    { ...keys.event(event.id), ...(options.organisationIndex === false ? {} : keys.eventByOrganisation(event.organisationId, event.startsAt, event.id)), entity: 'event', ...event },
    ...counterItems(event.id, seats),
    ...placed.flatMap((registration) => [
      registrationItem(registration),
      { ...keys.emailLock(event.id, normaliseEmail(registration.email)), entity: 'email-lock', registrationId: registration.registrationId },
      ...(registration.waitlistSeq
        ? [{ ...keys.waitlistEntry(event.id, registration.waitlistSeq), entity: 'waitlist-entry', seq: registration.waitlistSeq, registrationId: registration.registrationId }]
        : []),
    ]),
  ];
  await batchPut(client, tableName, items);
  return placed;
}

export async function batchPut(client: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    let pending = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const { UnprocessedItems } = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  }
}
