import { describe, expect, it } from 'vitest';
import { validateStateChangeEvent } from '../../support/state-change-schema';
import { stateChangeOf, type ItemWrite } from '../../../shared/domain/state-changes';

const validate = validateStateChangeEvent;
/** As a rule's target receives it. */
const delivered = (detail: unknown) => ({ source: 'event-registration', 'detail-type': (detail as { type: string }).type, detail });

const at = '2026-12-01T10:00:00.000Z';
const registration = (fields: Record<string, unknown> = {}) => ({
  entity: 'registration',
  registrationId: '01REG',
  eventId: '01EVT',
  name: 'Fatima el Amrani',
  email: 'fatima@gemeente.example',
  organisation: 'Gemeente Utrecht',
  answers: { learn: 'Bereik' },
  accessibilityNeeds: 'rolstoel',
  status: 'confirmed',
  ...fields,
});
const event = (fields: Record<string, unknown> = {}) => ({
  entity: 'event',
  id: '01EVT',
  organisationId: 'org-utrecht',
  title: 'Masterclass',
  capacity: 30,
  startsAt: '2026-12-07T08:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  calendarSequence: 0,
  ...fields,
});
const write = (before?: Record<string, unknown>, after?: Record<string, unknown>): ItemWrite => ({ id: 'rec-1', at, before, after });
const summary = (input: ItemWrite) => {
  const change = stateChangeOf(input);
  return change && { type: change.type, status: change.status, previousStatus: change.previousStatus };
};

describe('state changes read from writes to the table', () => {
  it('names a new registration by what it holds: pending until its address is confirmed', () => {
    expect(summary(write(undefined, registration({ confirmBy: '2026-12-01T12:00:00Z' })))).toEqual({ type: 'registration.pending', status: 'pending', previousStatus: undefined });
    expect(summary(write(undefined, registration()))).toEqual({ type: 'registration.confirmed', status: 'confirmed', previousStatus: undefined });
    expect(summary(write(undefined, registration({ status: 'waitlisted' })))).toEqual({ type: 'registration.waitlisted', status: 'waitlisted', previousStatus: undefined });
  });

  it('tells a confirmed address, a promotion, a cancellation and a check-in and its undoing apart', () => {
    const pending = registration({ confirmBy: '2026-12-01T12:00:00Z', status: 'waitlisted' });
    expect(summary(write(pending, registration({ status: 'waitlisted' })))).toEqual({ type: 'registration.waitlisted', status: 'waitlisted', previousStatus: 'pending' });
    expect(summary(write(registration({ confirmBy: 'x' }), registration()))).toEqual({ type: 'registration.confirmed', status: 'confirmed', previousStatus: 'pending' });
    expect(summary(write(registration({ status: 'waitlisted' }), registration({ promotedAt: at })))).toEqual({ type: 'registration.promoted', status: 'confirmed', previousStatus: 'waitlisted' });
    expect(summary(write(registration(), registration({ status: 'cancelled' })))).toEqual({ type: 'registration.cancelled', status: 'cancelled', previousStatus: 'confirmed' });
    expect(summary(write(registration(), registration({ checkedInAt: at })))).toEqual({ type: 'registration.checked-in', status: 'confirmed', previousStatus: undefined });
    expect(summary(write(registration({ checkedInAt: at }), registration()))).toEqual({ type: 'registration.check-in-undone', status: 'confirmed', previousStatus: undefined });
  });

  it('says nothing of bookkeeping: a mail sent, feedback recorded, an expiry moved', () => {
    expect(stateChangeOf(write(registration(), registration({ mailsSent: [{ kind: 'reminder', sentAt: at }], mailStatus: 'delivered' })))).toBeUndefined();
    expect(stateChangeOf(write(event(), event({ updatedAt: at, expiresAt: 1_900_000_000 })))).toBeUndefined();
    expect(stateChangeOf(write({ entity: 'seat-shard', eventId: '01EVT', taken: 1 }, { entity: 'seat-shard', eventId: '01EVT', taken: 2 }))).toBeUndefined();
    expect(stateChangeOf(write(undefined, { entity: 'mail', eventId: '01EVT', kind: 'reminder' }))).toBeUndefined();
  });

  it('calls a lapsed or removed unconfirmed registration cancelled, and an erasure and the end of retention what they are', () => {
    expect(summary(write(registration({ confirmBy: 'x' }), undefined))).toEqual({ type: 'registration.cancelled', status: 'cancelled', previousStatus: 'pending' });
    expect(summary(write(registration({ status: 'cancelled' }), registration({ status: 'cancelled', erasedAt: at, name: undefined })))).toEqual({
      type: 'registration.erased',
      status: 'cancelled',
      previousStatus: undefined,
    });
    expect(summary(write(registration({ status: 'cancelled', erasedAt: at }), undefined))).toEqual({ type: 'registration.deleted', status: undefined, previousStatus: 'cancelled' });
  });

  it("names an event's creation, change (which settings, not their values), cancellation and deletion", () => {
    expect(stateChangeOf(write(undefined, event()))).toMatchObject({ type: 'event.created', eventId: '01EVT', organisationId: 'org-utrecht' });
    expect(stateChangeOf(write(event(), event({ title: 'Masterclass inclusieve participatie', capacity: 40, updatedAt: at, calendarSequence: 1 })))).toMatchObject({
      type: 'event.changed',
      changedFields: ['capacity', 'title'],
    });
    expect(stateChangeOf(write(event(), event({ cancelledAt: at, updatedAt: at })))).toMatchObject({ type: 'event.cancelled' });
    expect(stateChangeOf(write(event({ cancelledAt: at }), event({ cancelledAt: at, deletedAt: at })))).toMatchObject({ type: 'event.deleted' });
    expect(stateChangeOf(write(event({ deletedAt: at }), undefined))).toBeUndefined();
  });

  it('publishes a certificate once, without its public number (the verification page would name the holder)', () => {
    const certificate = { entity: 'certificate', eventId: '01EVT', registrationId: '01REG', certificateNumber: 'MC-7Q2K', holderName: 'Fatima el Amrani' };
    expect(stateChangeOf(write(undefined, certificate))).toEqual({
      schemaVersion: 1,
      id: 'rec-1',
      type: 'certificate.issued',
      occurredAt: at,
      eventId: '01EVT',
      registrationId: '01REG',
    });
  });

  it('fits the published schema for every type, and carries no name, address, organisation, answer or need', () => {
    const changes = [
      write(undefined, registration({ confirmBy: 'x' })),
      write(undefined, registration()),
      write(undefined, registration({ status: 'waitlisted' })),
      write(registration({ status: 'waitlisted' }), registration()),
      write(registration(), registration({ status: 'cancelled' })),
      write(registration(), registration({ checkedInAt: at })),
      write(registration({ checkedInAt: at }), registration()),
      write(registration({ status: 'cancelled' }), registration({ status: 'cancelled', erasedAt: at })),
      write(registration({ status: 'cancelled' }), undefined),
      write(undefined, { entity: 'certificate', eventId: '01EVT', registrationId: '01REG', certificateNumber: 'MC-7Q2K', holderName: 'Fatima el Amrani' }),
      write(undefined, event()),
      write(event(), event({ title: 'Nieuw' })),
      write(event(), event({ cancelledAt: at })),
      write(event(), event({ deletedAt: at })),
    ].map((input) => ({ ...stateChangeOf(input)!, organisationId: 'org-utrecht' }));
    expect(changes.map((change) => change.type).sort()).toEqual([
      'certificate.issued',
      'event.cancelled',
      'event.changed',
      'event.created',
      'event.deleted',
      'registration.cancelled',
      'registration.check-in-undone',
      'registration.checked-in',
      'registration.confirmed',
      'registration.deleted',
      'registration.erased',
      'registration.pending',
      'registration.promoted',
      'registration.waitlisted',
    ]);
    for (const change of changes) {
      expect(validate(delivered(change)), `${change.type}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(JSON.stringify(change)).not.toMatch(/Fatima|gemeente\.example|Gemeente Utrecht|Bereik|rolstoel/);
    }
  });

  it('the schema refuses what a consumer must not get: a name, a certificate number, an unknown type, a registration change without its registration', () => {
    const valid = { schemaVersion: 1, id: 'r', type: 'registration.confirmed', occurredAt: at, eventId: 'e', registrationId: 'r1', status: 'confirmed' };
    expect(validate(delivered(valid))).toBe(true);
    expect(validate(delivered({ ...valid, name: 'Fatima' }))).toBe(false);
    expect(validate(delivered({ ...valid, type: 'registration.sold' }))).toBe(false);
    expect(validate(delivered({ ...valid, type: 'certificate.issued', certificateNumber: 'MC-7Q2K' }))).toBe(false);
    expect(validate(delivered({ ...valid, sequence: '4000000000001234567890' }))).toBe(true);
    expect(validate(delivered({ ...valid, registrationId: undefined }))).toBe(false);
  });
});

describe('writes that are not news', () => {
  it('says nothing of a registration or event that `npm run migrate` moved to the current layout', () => {
    const migrated = { entity: 'registration', registrationId: '01REG', eventId: '01EVT', status: 'confirmed', migratedAt: at };
    expect(stateChangeOf({ id: 'rec-2', at, after: migrated })).toBeUndefined();
    const legacyEvent = { entity: 'event', id: '01EVT', organisationId: 'org', title: 'M', waitlist: ['01REG'], confirmedCount: 29, cancelledCount: 1, updatedAt: at };
    const { waitlist: _waitlist, confirmedCount: _confirmed, cancelledCount: _cancelled, ...current } = legacyEvent;
    expect(stateChangeOf({ id: 'rec-3', at, before: legacyEvent, after: current })).toBeUndefined();
  });

  it("carries the stream's sequence number, so a consumer can order one item's changes", () => {
    expect(stateChangeOf({ id: 'rec-4', at, sequence: '4000000000001234567890', after: registration() })).toMatchObject({ sequence: '4000000000001234567890' });
  });
});
