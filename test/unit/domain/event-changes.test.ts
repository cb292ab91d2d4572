import { describe, expect, it } from 'vitest';
import { instantBefore, isIsoDuration } from '../../../shared/domain/durations';
import { ValidationFailed } from '../../../shared/domain/errors';
import { changedEvent } from '../../../shared/domain/event-changes';
import { publicEventView } from '../../../shared/domain/event';
import { capacityChange, freedSeatsPlans, placementFor } from '../../../shared/domain/seats';
import { NOW, anEvent, someSeats } from '../../support/fixtures';

describe('durations in the event time zone', () => {
  it('counts days in local time across the summer/winter time change', () => {
    // Amsterdam goes to summer time early on 29 March 2026 and back early on 25 October 2026.
    // 09:00 on 29 March (summer, 07:00Z): a day earlier is 09:00 winter time, 08:00Z; 24 hours earlier is 08:00 local.
    expect(instantBefore('2026-03-29T07:00:00.000Z', 'P1D', 'Europe/Amsterdam')).toBe('2026-03-28T08:00:00.000Z');
    expect(instantBefore('2026-03-29T07:00:00.000Z', 'PT24H', 'Europe/Amsterdam')).toBe('2026-03-28T07:00:00.000Z');
    // 09:00 on 25 October (winter, 08:00Z): a day earlier is 09:00 summer time, 07:00Z.
    expect(instantBefore('2026-10-25T08:00:00.000Z', 'P1D', 'Europe/Amsterdam')).toBe('2026-10-24T07:00:00.000Z');
  });

  it('accepts ISO 8601 durations only', () => {
    expect(['PT0S', 'PT2H', 'P1D', 'P7D', 'P1W', 'PT30M'].every(isIsoDuration)).toBe(true);
    expect(['', 'P', '2h', '1 day', 'PXD'].some(isIsoDuration)).toBe(false);
  });
});

describe('promotion cutoff', () => {
  const event = anEvent({ capacity: 2 }, { promotionCutoff: 'PT2H' });

  it('is derived from the start in UTC', () => {
    expect(event.promotionCutoffAt).toBe('2026-12-07T06:00:00.000Z');
  });

  it('before it, a freed seat goes to the waitlist; after it, it is released to whoever registers', () => {
    const before = new Date('2026-12-07T05:59:00Z');
    const after = new Date('2026-12-07T06:00:00Z');
    const freedWhileWaiting = someSeats({ capacity: 2, confirmed: 1, freed: 1, waiting: 1 }, event);

    expect(freedSeatsPlans(freedWhileWaiting, before, 30)).toEqual([{ kind: 'promote', shard: 0, count: 1 }]);
    expect(freedSeatsPlans(freedWhileWaiting, after, 30)).toEqual([{ kind: 'release', shard: 0, count: 1 }]);
    const released = someSeats({ capacity: 2, confirmed: 1, waiting: 1, full: false }, event);
    expect(placementFor(released, after)).toEqual({ kind: 'confirmed', shard: 0 });
    expect(publicEventView(event, released, after)).toMatchObject({ seatsAvailable: 1, waitlistOpen: false });
  });
});

describe('changedEvent', () => {
  it('keeps a default registration close following a moved start', () => {
    const moved = changedEvent(anEvent(), { startsAt: '2026-12-08T09:00:00+01:00', endsAt: '2026-12-08T17:30:00+01:00' }, NOW);
    expect(moved).toMatchObject({ startsAt: '2026-12-08T08:00:00.000Z', registrationClosesAt: '2026-12-08T08:00:00.000Z', promotionCutoffAt: '2026-12-08T08:00:00.000Z' });
  });

  it('refuses invalid times', () => {
    expect(() => changedEvent(anEvent(), { endsAt: '2026-12-01T00:00:00Z' }, NOW)).toThrow(ValidationFailed);
  });

  it('takes fewer seats only out of seats nobody holds, and adds more as freed seats for the waitlist', () => {
    const seats = someSeats({ capacity: 1000, shards: 2, confirmed: 600 });
    expect(capacityChange(seats, 599)).toBe('below-held');
    expect(capacityChange(seats, 700)).toEqual([
      { index: 0, capacity: 500, added: 0 },
      { index: 1, capacity: 200, added: -300 },
    ]);
    // 1,600 seats want four shards of at most 500: the 600 new seats spread over all four.
    expect(capacityChange(seats, 1600)).toEqual([
      { index: 0, capacity: 650, added: 150 },
      { index: 1, capacity: 650, added: 150 },
      { index: 2, capacity: 150, added: 150 },
      { index: 3, capacity: 150, added: 150 },
    ]);
  });

  it('removes the opening time when asked to with null', () => {
    const withOpening = anEvent({}, { registrationOpensAt: '2026-11-01T00:00:00Z' });
    expect(changedEvent(withOpening, { registrationOpensAt: null }, NOW).registrationOpensAt).toBeUndefined();
  });
});

describe('certificate settings', () => {
  it('default to enabled, and a PATCH changes only the fields it names', () => {
    const event = anEvent({}, { certificate: { hours: 6.5, organiserName: 'Publiek Denken' } });
    expect(event.certificate).toEqual({ enabled: true, hours: 6.5, organiserName: 'Publiek Denken' });

    const changed = changedEvent(event, { certificate: { signatoryName: 'M. van der Voort' } }, NOW);
    expect(changed.certificate).toEqual({ enabled: true, hours: 6.5, organiserName: 'Publiek Denken', signatoryName: 'M. van der Voort' });
  });
});

describe('the data controller', () => {
  it('is kept when a change does not name it, replaced when it does, and removed with null', () => {
    const event = anEvent({ controller: { name: 'Gemeente Utrecht', contact: 'privacy@utrecht.nl' } });

    expect(changedEvent(event, { title: 'Nieuwe titel' }, NOW).controller).toEqual({ name: 'Gemeente Utrecht', contact: 'privacy@utrecht.nl' });
    expect(changedEvent(event, { controller: { name: 'Provincie', contact: 'https://provincie.nl/privacy' } }, NOW).controller).toEqual({ name: 'Provincie', contact: 'https://provincie.nl/privacy' });
    expect(changedEvent(event, { controller: null }, NOW)).not.toHaveProperty('controller');
  });
});
