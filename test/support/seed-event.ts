import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { emailLockItem, registrationItem } from '../../shared/adapters/dynamo/registration-repository';
import { counterItems, gateOf, waitlistEntryItem } from '../../shared/adapters/dynamo/seat-counters';
import { keys } from '../../shared/adapters/dynamo/keys';
import { ttlSeconds } from '../../shared/adapters/dynamo/ttl';
import type { EventRecord } from '../../shared/domain/event';
import type { Registration } from '../../shared/domain/registration';
import { seatsHeldBy } from '../../shared/domain/seats';

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
  const { seats, placed } = seatsHeldBy(gateOf(event), event.capacity, registrations);
  if (options.full !== undefined) seats.waitlist.full = options.full;
  const items: Record<string, unknown>[] = [
    { ...keys.event(event.id), ...(options.organisationIndex === false ? {} : keys.eventByOrganisation(event.organisationId, event.startsAt, event.id)), entity: 'event', ...event },
    ...counterItems(event.id, seats),
    ...placed.flatMap((registration) => [
      registrationItem(registration),
      emailLockItem(registration),
      ...(registration.waitlistSeq ? [waitlistEntryItem(event.id, registration.waitlistSeq, registration.registrationId, ttlSeconds(registration.retainUntil))] : []),
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
