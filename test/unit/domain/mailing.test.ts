import { describe, expect, it } from 'vitest';
import { decideMailing, localTime, noticeMailing, offersRelease, reminderMailings } from '../../../shared/domain/mailing';
import { NOW, anEvent } from '../../support/fixtures';

describe('reminder due times, in the event time zone', () => {
  it('puts "P1D" before a 09:00 start at 09:00 local the day before, across the spring change (30 March)', () => {
    const event = anEvent({}, { startsAt: '2026-03-30T09:00:00+02:00', endsAt: '2026-03-30T17:00:00+02:00', reminders: ['P7D', 'P1D'] });
    const [week, day] = reminderMailings(event);

    expect(day!.dueAt).toBe('2026-03-29T07:00:00.000Z');
    expect(localTime(day!.dueAt, event.timeZone)).toBe('2026-03-29T09:00:00+02:00');
    // A week before is still winter time: 09:00 local is 08:00 UTC.
    expect(localTime(week!.dueAt, event.timeZone)).toBe('2026-03-23T09:00:00+01:00');
    expect(week!.dueAt).toBe('2026-03-23T08:00:00.000Z');
  });

  it('does the same across the autumn change (27 October)', () => {
    const event = anEvent({}, { startsAt: '2026-10-27T09:00:00+01:00', endsAt: '2026-10-27T17:00:00+01:00', reminders: ['P7D', 'P1D'] });
    const [week, day] = reminderMailings(event);

    expect(localTime(day!.dueAt, event.timeZone)).toBe('2026-10-26T09:00:00+01:00');
    expect(localTime(week!.dueAt, event.timeZone)).toBe('2026-10-20T09:00:00+02:00');
    expect(week!.dueAt).toBe('2026-10-20T07:00:00.000Z');
  });

  it('goes to people confirmed when it is sent who registered by its time', () => {
    const [reminder] = reminderMailings(anEvent({}, { reminders: ['P1D'] }));
    expect(reminder).toMatchObject({ audience: 'confirmed', registeredBefore: reminder!.dueAt, state: 'scheduled', jobId: 'reminder-P1D' });
  });
});

describe('deciding a due mailing', () => {
  const event = anEvent();
  const [reminder] = reminderMailings(event);

  it('sends a missed reminder while the event has not started, and skips it after', () => {
    expect(decideMailing(reminder!, event, new Date('2026-12-07T07:59:00Z'))).toBe('send');
    expect(decideMailing(reminder!, event, new Date('2026-12-07T08:00:00Z'))).toBe('skip');
  });

  it('skips reminders of a cancelled event, but still sends its cancellation notice', () => {
    const cancelled = { ...event, cancelledAt: NOW.toISOString() };
    expect(decideMailing(reminder!, cancelled, NOW)).toBe('skip');
    expect(decideMailing(noticeMailing(cancelled, 'event-cancelled', NOW), cancelled, NOW)).toBe('send');
  });
});

describe('the one-click "I cannot come"', () => {
  it('is offered by the first reminder at least three days before the start only', () => {
    const event = anEvent({}, { reminders: ['P14D', 'P7D', 'P1D'] });
    expect(['P14D', 'P7D', 'P1D'].map((offset) => offersRelease(event, offset))).toEqual([true, false, false]);
    const shortNotice = anEvent({}, { reminders: ['P2D', 'P1D'] });
    expect(['P2D', 'P1D'].map((offset) => offersRelease(shortNotice, offset))).toEqual([false, false]);
  });
});
