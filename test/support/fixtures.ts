import type { EventRecord } from '../../shared/domain/event';
import { newEvent, type NewEventInput } from '../../shared/domain/event-changes';
import type { Registration } from '../../shared/domain/registration';

export const NOW = new Date('2026-11-29T10:00:00Z');

export function masterclassInput(overrides: Partial<NewEventInput> = {}): NewEventInput {
  return {
    title: 'Iedereen aan tafel',
    startsAt: '2026-12-07T09:00:00+01:00',
    endsAt: '2026-12-07T17:30:00+01:00',
    venue: { name: 'Stadskantoor', address: 'Stationsplein 1, Utrecht' },
    capacity: 30,
    ...overrides,
  };
}

export function anEvent(overrides: Partial<EventRecord> = {}, input: Partial<NewEventInput> = {}): EventRecord {
  return { ...newEvent(masterclassInput(input), { id: 'event-1', organisationId: 'org-1' }, NOW), ...overrides };
}

export function aRegistration(overrides: Partial<Registration> = {}): Registration {
  return {
    registrationId: 'reg-1',
    eventId: 'event-1',
    name: 'Zoë Ça Ğ',
    email: 'zoe@example.org',
    language: 'nl',
    status: 'confirmed',
    createdAt: NOW.toISOString(),
    consentedAt: NOW.toISOString(),
    retainUntil: '2027-12-07T16:30:00.000Z',
    checkInCode: 'ABCD-EFGH',
    ...overrides,
  };
}
