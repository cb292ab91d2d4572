import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { migrateTable } from '../../infra/ops/migrate';
import { keys } from '../../shared/adapters/dynamo/keys';
import { newEvent } from '../../shared/domain/event-changes';
import { hashAccessToken } from '../../shared/domain/personal-link';
import { checkInCodeOf, retentionEnd, type Registration } from '../../shared/domain/registration';
import { newId } from '../../shared/use-cases/deps';
import { batchPut } from '../support/seed-event';
import { call, publishedEvents, settle, uniqueEmail } from '../support/local-stack';

const tableName = inject('tableName');
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoDbUrl'), region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), {
  marshallOptions: { removeUndefinedValues: true },
});
const organiser = () => inject('organiserToken');

/**
 * An event as the version before the seat counters wrote it: counts and the waitlist on the
 * event item, registrations, e-mail locks and check-in codes in the event's partition.
 */
async function writeLegacyEvent() {
  const now = new Date();
  const startsAt = new Date(now.getTime() + 10 * 86_400_000).toISOString();
  // That version knew nothing of address confirmation: its events carry no such setting, and read as `off`.
  const { emailConfirmation: _confirmation, confirmationWindow: _window, ...event } = newEvent(
    { title: `Legacy ${now.getTime()}`, startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), venue: { name: 'Gemeentehuis' }, capacity: 3 },
    { id: newId(), organisationId: 'org-integration' },
    now,
  );
  const person = (label: string, status: Registration['status'], minutesAgo: number, extra: Partial<Registration> = {}): Registration => {
    const registrationId = newId();
    const at = new Date(now.getTime() - minutesAgo * 60_000).toISOString();
    return { registrationId, eventId: event.id, name: `Oud ${label}`, email: uniqueEmail(`legacy-${label}`), language: 'nl', status, createdAt: at, consentedAt: at, retainUntil: retentionEnd(event), checkInCode: checkInCodeOf(registrationId), ...extra };
  };
  const token = 'legacy-token-of-bram';
  const people = {
    anna: person('anna', 'confirmed', 60, { checkedInAt: now.toISOString() }),
    ben: person('ben', 'confirmed', 59),
    cato: person('cato', 'confirmed', 58),
    dirk: person('dirk', 'cancelled', 57, { cancelledAt: now.toISOString() }),
    // The waitlist's order is its own: bram joined after eva but stands before her.
    eva: person('eva', 'waitlisted', 50),
    bram: person('bram', 'waitlisted', 55, { accessTokenHashes: [hashAccessToken(token)] }),
  };
  const all = Object.values(people);
  const legacyItems = [
    { PK: `EVENT#${event.id}`, SK: 'EVENT', ...keys.eventByOrganisation(event.organisationId, event.startsAt, event.id), entity: 'event', ...event, confirmedCount: 3, cancelledCount: 1, waitlist: [people.bram.registrationId, people.eva.registrationId] },
    ...all.map((registration) => ({ PK: `EVENT#${event.id}`, SK: `REG#${registration.registrationId}`, GSI1PK: `REG#${registration.registrationId}`, GSI1SK: 'REG', entity: 'registration', ...registration })),
    ...all.map((registration) => ({
      PK: `EVENT#${event.id}`,
      SK: `EMAIL#${registration.email.toLowerCase()}`,
      entity: 'email-lock',
      registrationId: registration.registrationId,
      ...(registration.status === 'cancelled' ? { releasedAt: now.toISOString() } : {}),
    })),
    ...all.map((registration) => ({ PK: `EVENT#${event.id}`, SK: `CHECKIN#${registration.checkInCode}`, entity: 'check-in-code', registrationId: registration.registrationId })),
  ];
  await batchPut(client, tableName, legacyItems);
  return { event, people, token };
}

describe('npm run migrate: events of the old layout', () => {
  it('keep their counts, seats, waitlist order, locks, codes and links, and work as before afterwards', async () => {
    const { event, people, token } = await writeLegacyEvent();

    const first = await migrateTable(client, tableName);
    const again = await migrateTable(client, tableName);

    expect(first.eventsMigrated).toBeGreaterThanOrEqual(1);
    expect(again).toEqual({ eventsMigrated: 0, registrationsMoved: 0, leftoversCleared: 0 });
    const { Items: oldPartition = [] } = await client.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `EVENT#${event.id}` } }));
    expect(oldPartition.filter((item) => /^(REG|EMAIL|CHECKIN)#/.test(String(item.SK)))).toEqual([]);
    const { Item: eventItem } = await client.send(new GetCommand({ TableName: tableName, Key: keys.event(event.id) }));
    expect(eventItem).not.toHaveProperty('waitlist');

    const details = await call('GET', `/admin/events/${event.id}`, { token: organiser() });
    expect(details.json.counts).toMatchObject({ confirmed: 3, waitlisted: 2, cancelled: 1 });
    const list = await call('GET', `/admin/events/${event.id}/registrations`, { token: organiser() });
    const byName = new Map((list.json.items as Array<{ name: string; status: string; waitlistPosition?: number; checkedInAt?: string }>).map((item) => [item.name, item]));
    expect([byName.get('Oud bram')!.waitlistPosition, byName.get('Oud eva')!.waitlistPosition]).toEqual([1, 2]);
    expect(byName.get('Oud anna')!.checkedInAt).toBeDefined();

    // The personal link from an old mail still works.
    const status = await call('GET', `/registrations/${people.bram.registrationId}?token=${token}`, { headers: { accept: 'application/json' } });
    expect(status.json).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    // The locks moved: a taken address is refused, a released one may register again.
    expect((await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Ben weer', email: people.ben.email, consent: true } })).status).toBe(409);
    const dirkAgain = await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Dirk weer', email: people.dirk.email, consent: true } });
    expect(dirkAgain.json).toMatchObject({ status: 'waitlisted', waitlistPosition: 3 });
    // The check-in codes moved.
    const byCode = await call('POST', `/admin/events/${event.id}/check-in`, { token: organiser(), body: { code: people.ben.checkInCode } });
    expect(byCode.status).toBe(200);

    // A seat freed now goes to the first in the old order.
    await call('POST', `/admin/events/${event.id}/registrations/${people.cato.registrationId}/cancel`, { token: organiser() });
    await settle();
    const after = await call('GET', `/admin/events/${event.id}/registrations`, { token: organiser() });
    const afterByName = new Map((after.json.items as Array<{ name: string; status: string; waitlistPosition?: number }>).map((item) => [item.name, item]));
    expect(afterByName.get('Oud bram')!.status).toBe('confirmed');
    expect([afterByName.get('Oud eva')!.waitlistPosition, afterByName.get('Dirk weer')!.waitlistPosition]).toEqual([1, 2]);
    // Moving the registrations was not news to other systems; what happened afterwards was.
    // (The event is "created" only because this test writes the old layout now.)
    const names = new Map([people.ben, people.bram, people.cato].map((person) => [person.registrationId, person.name]));
    expect((await publishedEvents(event.id)).map(({ detail }) => `${detail.type} ${names.get(detail.registrationId ?? '') ?? detail.status ?? ''}`.trim())).toEqual([
      'event.created',
      'registration.waitlisted waitlisted',
      'registration.checked-in Oud ben',
      'registration.cancelled Oud cato',
      'registration.promoted Oud bram',
    ]);
  });

  it('finishes a run that stopped after moving an event but before deleting its old items', async () => {
    const { event, people } = await writeLegacyEvent();
    await migrateTable(client, tableName);
    // What a stopped run leaves behind: an old registration item of an event already moved.
    await batchPut(client, tableName, [{ PK: `EVENT#${event.id}`, SK: `REG#${people.anna.registrationId}`, entity: 'registration', ...people.anna }]);

    const report = await migrateTable(client, tableName);

    expect(report).toEqual({ eventsMigrated: 0, registrationsMoved: 0, leftoversCleared: 1 });
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: keys.registration(people.anna.registrationId) }));
    expect(Item).toMatchObject({ name: 'Oud anna', status: 'confirmed' });
  });

  it('never brings back what live traffic changed when a run that stopped before clearing the event is repeated', async () => {
    const { event, people } = await writeLegacyEvent();
    await migrateTable(client, tableName);
    // Live traffic on the new layout: a seat is freed and bram, first in line, is promoted.
    await call('POST', `/admin/events/${event.id}/registrations/${people.cato.registrationId}/cancel`, { token: organiser() });
    await settle();
    // As if the run had stopped before clearing the old fields off the event item.
    await client.send(new UpdateCommand({ TableName: tableName, Key: keys.event(event.id), UpdateExpression: 'SET waitlist = :old', ExpressionAttributeValues: { ':old': [people.bram.registrationId, people.eva.registrationId] } }));

    await migrateTable(client, tableName);

    const { Items: entries = [] } = await client.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :wait)', ExpressionAttributeValues: { ':pk': `EVENT#${event.id}`, ':wait': 'WAIT#' } }),
    );
    expect(entries.map((entry) => entry.registrationId)).toEqual([people.eva.registrationId]);
    const details = await call('GET', `/admin/events/${event.id}`, { token: organiser() });
    expect(details.json.counts).toMatchObject({ confirmed: 3, waitlisted: 1, cancelled: 2 });
  });
});
