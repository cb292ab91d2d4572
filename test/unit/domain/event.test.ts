import { checkInTime } from '../../../shared/domain/registration';
import { describe, expect, it } from 'vitest';
import { EventFull, ValidationFailed } from '../../../shared/domain/errors';
import { newEvent } from '../../../shared/domain/event-changes';
import { adminEventView, publicEventView, registrationWindow } from '../../../shared/domain/event';
import { firstInLine, placementFor, waitlistPosition } from '../../../shared/domain/seats';
import { NOW, anEvent, masterclassInput, someSeats } from '../../support/fixtures';

describe('newEvent', () => {
  it('stores instants in UTC and applies the defaults', () => {
    const event = newEvent(masterclassInput(), { id: 'e', organisationId: 'o' }, NOW);

    expect(event).toMatchObject({
      startsAt: '2026-12-07T08:00:00.000Z',
      endsAt: '2026-12-07T16:30:00.000Z',
      timeZone: 'Europe/Amsterdam',
      waitlistEnabled: true,
      language: 'nl',
      registrationClosesAt: '2026-12-07T08:00:00.000Z',
      programme: [],
    });
    expect(event).not.toHaveProperty('waitlist');
  });

  it('rejects an end before the start and a window that closes before it opens', () => {
    const attempt = () =>
      newEvent(
        masterclassInput({ endsAt: '2026-12-07T08:00:00+01:00', registrationOpensAt: '2026-12-08T00:00:00Z', registrationClosesAt: '2026-12-01T00:00:00Z' }),
        { id: 'e', organisationId: 'o' },
        NOW,
      );

    expect(attempt).toThrow(ValidationFailed);
    try {
      attempt();
    } catch (error) {
      expect((error as ValidationFailed).errors?.map((e) => e.field)).toEqual(['endsAt', 'registrationOpensAt']);
    }
  });
});

describe('registrationWindow', () => {
  const event = anEvent({}, { registrationOpensAt: '2026-11-30T00:00:00Z', registrationClosesAt: '2026-12-06T00:00:00Z' });

  it.each([
    ['2026-11-29T23:59:59Z', 'not-open-yet'],
    ['2026-11-30T00:00:00Z', 'open'],
    ['2026-12-05T23:59:59Z', 'open'],
    ['2026-12-06T00:00:00Z', 'closed'],
  ])('at %s it is %s', (at, expected) => {
    expect(registrationWindow(event, new Date(at))).toBe(expected);
  });
});

describe('placementFor', () => {
  it('gives a seat on a shard with room while the waitlist is not open', () => {
    expect(placementFor(someSeats({ capacity: 2, confirmed: 1 }), NOW)).toEqual({ kind: 'confirmed', shard: 0 });
  });

  it('spreads seats over the shards that have room, and only those', () => {
    const seats = someSeats({ capacity: 1000, shards: 4, confirmed: 500 });
    expect(placementFor(seats, NOW, () => 0)).toEqual({ kind: 'confirmed', shard: 2 });
    expect(placementFor(seats, NOW, () => 0.99)).toEqual({ kind: 'confirmed', shard: 3 });
  });

  it('opens the waitlist once every seat is taken, then sends newcomers to its end', () => {
    expect(placementFor(someSeats({ capacity: 2, confirmed: 2 }), NOW)).toEqual({ kind: 'seal-waitlist' });
    expect(placementFor(someSeats({ capacity: 2, confirmed: 2, waiting: 3 }), NOW)).toEqual({ kind: 'waitlisted' });
  });

  it('never lets a newcomer take a seat that was freed while people wait', () => {
    expect(placementFor(someSeats({ capacity: 2, confirmed: 1, freed: 1, waiting: 1 }), NOW)).toMatchObject({ kind: 'waitlisted' });
  });

  it('refuses when full and the waitlist is off or at its cap', () => {
    expect(() => placementFor(someSeats({ capacity: 1, confirmed: 1 }, anEvent({ waitlistEnabled: false })), NOW)).toThrow(EventFull);
    // The waitlist holds 100,000 people.
    expect(placementFor(someSeats({ capacity: 1, confirmed: 1, waiting: 99_999 }), NOW)).toEqual({ kind: 'waitlisted' });
    expect(() => placementFor(someSeats({ capacity: 1, confirmed: 1, waiting: 100_000 }), NOW)).toThrow(EventFull);
  });
});

describe('firstInLine', () => {
  const heads = (...seqs: number[]) => seqs.map((seq) => ({ seq }));

  it('promotes the entries that follow the last promoted ticket, skipping departed ones', () => {
    // Tickets 1-3 promoted, 4 cancelled: 5 and 6 are first.
    expect(firstInLine({ promotedThrough: 3, next: 8 }, new Set([4]), heads(5, 6, 7))).toEqual({ promotable: 3 });
  });

  it('never passes a ticket ahead that has not become a registration yet: that ticket is reported instead', () => {
    expect(firstInLine({ promotedThrough: 3, next: 8 }, new Set(), heads(5, 6))).toEqual({ promotable: 0, unresolved: 4 });
    expect(firstInLine({ promotedThrough: 3, next: 5 }, new Set(), heads())).toEqual({ promotable: 0, unresolved: 4 });
  });

  it('stops at a gap further down the line and promotes only those before it', () => {
    expect(firstInLine({ promotedThrough: 0, next: 6 }, new Set(), heads(1, 2, 4))).toEqual({ promotable: 2 });
  });

  it('finds nothing to do when nobody waits', () => {
    expect(firstInLine({ promotedThrough: 3, next: 5 }, new Set([4]), heads())).toEqual({ promotable: 0 });
  });
});

describe('views', () => {
  it('gives positions as the sequence number less everyone ahead who left', () => {
    // Numbers 1..10 were handed out; 3 were promoted (1, 2, 4 — 3 left earlier), so 5 is second.
    expect(waitlistPosition(5, 3, 1)).toBe(1);
    expect(waitlistPosition(10, 3, 1)).toBe(6);
  });

  it('shows the public no personal data and no internals', () => {
    const view = publicEventView(anEvent({ capacity: 3 }), someSeats({ capacity: 3, confirmed: 3, waiting: 1 }), NOW);

    expect(view).toMatchObject({ capacity: 3, seatsAvailable: 0, waitlistOpen: true, registrationOpen: true });
    expect(view).not.toHaveProperty('organisationId');
  });

  it('gives the organiser counts', () => {
    const mail = { delivered: 4, bounced: 1, complained: 0, suppressed: 2 };
    const view = adminEventView(anEvent(), someSeats({ capacity: 10, confirmed: 2, cancelled: 1, waiting: 1 }), { pending: 1, mail });
    expect(view.counts).toEqual({ confirmed: 2, waitlisted: 1, cancelled: 1, pending: 1, mail: { delivered: 4, bounced: 1, complained: 0, suppressed: 2 } });
    expect(view).not.toHaveProperty('promotionCutoffAt');
  });
});

describe('checkInTime', () => {
  const now = new Date('2026-12-07T09:30:00.000Z');

  it('takes the moment a door device recorded, or now when it sent at once', () => {
    expect(checkInTime('2026-12-07T09:02:00.000Z', now)).toEqual(new Date('2026-12-07T09:02:00.000Z'));
    expect(checkInTime(undefined, now)).toBe(now);
  });

  it('counts a device clock a little ahead as now, and refuses one far ahead or a check-in older than a door list lives', () => {
    expect(checkInTime('2026-12-07T09:33:00.000Z', now)).toEqual(now);
    expect(checkInTime('2026-12-07T09:36:00.000Z', now)).toBe('in-the-future');
    expect(checkInTime('2026-12-05T09:29:00.000Z', now)).toBe('too-old');
    expect(checkInTime('2026-12-05T09:31:00.000Z', now)).toEqual(new Date('2026-12-05T09:31:00.000Z'));
  });
});
