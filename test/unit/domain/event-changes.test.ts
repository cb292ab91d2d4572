import { describe, expect, it } from 'vitest';
import { instantBefore, isIsoDuration } from '../../../shared/domain/durations';
import { Conflict, ValidationFailed } from '../../../shared/domain/errors';
import { changedEvent } from '../../../shared/domain/event-changes';
import { placementFor, promotableCount, publicEventView } from '../../../shared/domain/event';
import { NOW, anEvent } from '../../support/fixtures';

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
  const event = anEvent({ capacity: 2, confirmedCount: 1, waitlist: ['first'] }, { promotionCutoff: 'PT2H' });

  it('is derived from the start in UTC', () => {
    expect(event.promotionCutoffAt).toBe('2026-12-07T06:00:00.000Z');
  });

  it('before it, a free seat belongs to the waitlist; after it, to whoever registers', () => {
    const before = new Date('2026-12-07T05:59:00Z');
    const after = new Date('2026-12-07T06:00:00Z');

    expect([placementFor(event, before), promotableCount(event, before)]).toEqual(['waitlisted', 1]);
    expect([placementFor(event, after), promotableCount(event, after)]).toEqual(['confirmed', 0]);
    expect(publicEventView(event, after)).toMatchObject({ seatsAvailable: 1, waitlistOpen: false });
  });
});

describe('changedEvent', () => {
  it('keeps a default registration close following a moved start', () => {
    const moved = changedEvent(anEvent(), { startsAt: '2026-12-08T09:00:00+01:00', endsAt: '2026-12-08T17:30:00+01:00' }, NOW);
    expect(moved).toMatchObject({ startsAt: '2026-12-08T08:00:00.000Z', registrationClosesAt: '2026-12-08T08:00:00.000Z', promotionCutoffAt: '2026-12-08T08:00:00.000Z' });
  });

  it('refuses a capacity below the confirmed seats, and invalid times', () => {
    expect(() => changedEvent(anEvent({ confirmedCount: 10 }), { capacity: 9 }, NOW)).toThrow(Conflict);
    expect(() => changedEvent(anEvent(), { endsAt: '2026-12-01T00:00:00Z' }, NOW)).toThrow(ValidationFailed);
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
