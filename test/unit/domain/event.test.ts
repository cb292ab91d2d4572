import { checkInTime } from '../../../shared/domain/registration';
import { describe, expect, it } from 'vitest';
import { EventFull, ValidationFailed } from '../../../shared/domain/errors';
import { newEvent } from '../../../shared/domain/event-changes';
import {
  MAX_WAITLIST_LENGTH,
  adminEventView,
  placementFor,
  publicEventView,
  registrationWindow,
  waitlistPosition,
} from '../../../shared/domain/event';
import { NOW, anEvent, masterclassInput } from '../../support/fixtures';

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
      confirmedCount: 0,
      waitlist: [],
    });
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
  it('gives a seat while seats are free and nobody waits', () => {
    expect(placementFor(anEvent({ capacity: 2, confirmedCount: 1 }), NOW)).toBe('confirmed');
  });

  it('sends newcomers to the waitlist when full', () => {
    expect(placementFor(anEvent({ capacity: 2, confirmedCount: 2 }), NOW)).toBe('waitlisted');
  });

  it('never lets a newcomer pass people who are waiting, even if a seat is free', () => {
    expect(placementFor(anEvent({ capacity: 2, confirmedCount: 1, waitlist: ['early'] }), NOW)).toBe('waitlisted');
  });

  it('refuses when full and the waitlist is off or at its cap', () => {
    expect(() => placementFor(anEvent({ capacity: 1, confirmedCount: 1, waitlistEnabled: false }), NOW)).toThrow(EventFull);
    const longWaitlist = Array.from({ length: MAX_WAITLIST_LENGTH }, (_, i) => `r${i}`);
    expect(() => placementFor(anEvent({ capacity: 1, confirmedCount: 1, waitlist: longWaitlist }), NOW)).toThrow(EventFull);
  });
});

describe('views', () => {
  it('gives positions from the waitlist order', () => {
    const event = anEvent({ waitlist: ['a', 'b', 'c'] });
    expect([waitlistPosition(event, 'a'), waitlistPosition(event, 'c'), waitlistPosition(event, 'x')]).toEqual([1, 3, undefined]);
  });

  it('shows the public no personal data and no internals', () => {
    const view = publicEventView(anEvent({ capacity: 3, confirmedCount: 3, waitlist: ['secret-registration'] }), NOW);

    expect(view).toMatchObject({ capacity: 3, seatsAvailable: 0, waitlistOpen: true, registrationOpen: true });
    expect(JSON.stringify(view)).not.toContain('secret-registration');
    expect(view).not.toHaveProperty('organisationId');
  });

  it('gives the organiser counts instead of the raw waitlist', () => {
    const view = adminEventView(anEvent({ confirmedCount: 2, cancelledCount: 1, waitlist: ['a'] }));
    expect(view.counts).toEqual({ confirmed: 2, waitlisted: 1, cancelled: 1 });
    expect(view).not.toHaveProperty('waitlist');
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
