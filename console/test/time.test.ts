import { describe, expect, it } from 'vitest';
import { durationMinutes, fromWallTime, joinCalendarDuration, joinDuration, splitCalendarDuration, splitDuration, toWallTime } from '../src/time';

describe('times on the event clock', () => {
  it('adds the offset the zone has on that day', () => {
    expect(fromWallTime('2026-12-07T09:00', 'Europe/Amsterdam')).toBe('2026-12-07T09:00:00+01:00');
    expect(fromWallTime('2026-07-01T09:00', 'Europe/Amsterdam')).toBe('2026-07-01T09:00:00+02:00');
    expect(fromWallTime('2026-12-07T09:00', 'America/New_York')).toBe('2026-12-07T09:00:00-05:00');
    expect(fromWallTime('2026-12-07T09:00', 'Asia/Kolkata')).toBe('2026-12-07T09:00:00+05:30');
  });

  it('moves a time in the spring gap forward by the gap, as clocks do', () => {
    expect(fromWallTime('2026-03-29T02:30', 'Europe/Amsterdam')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('reads an instant back on the zone clock', () => {
    expect(toWallTime('2026-12-07T08:00:00.000Z', 'Europe/Amsterdam')).toBe('2026-12-07T09:00');
    expect(toWallTime('2026-10-25T00:30:00.000Z', 'Europe/Amsterdam')).toBe('2026-10-25T02:30');
    expect(toWallTime('2026-10-25T01:30:00.000Z', 'Europe/Amsterdam')).toBe('2026-10-25T02:30');
  });

  it('refuses what is not a date and time or a zone', () => {
    expect(fromWallTime('7 december', 'Europe/Amsterdam')).toBeUndefined();
    expect(fromWallTime('2026-12-07T09:00', 'Europe/Atlantis')).toBeUndefined();
  });
});

describe('reminder offsets', () => {
  it('shows a duration in the largest unit that divides it', () => {
    expect(splitDuration('P7D')).toEqual({ amount: 7, unit: 'days' });
    expect(splitDuration('P1W')).toEqual({ amount: 7, unit: 'days' });
    expect(splitDuration('PT36H')).toEqual({ amount: 36, unit: 'hours' });
    expect(splitDuration('P1DT12H')).toEqual({ amount: 36, unit: 'hours' });
    expect(splitDuration('PT90M')).toEqual({ amount: 90, unit: 'minutes' });
    expect(splitDuration('P1M')).toBeUndefined();
    expect(durationMinutes('PT')).toBeUndefined();
  });

  it('writes the duration back', () => {
    expect(joinDuration(7, 'days')).toBe('P7D');
    expect(joinDuration(2, 'hours')).toBe('PT2H');
    expect(joinDuration(30, 'minutes')).toBe('PT30M');
  });
});

describe('calendar durations (retention)', () => {
  it('reads a period as one number and the largest unit it is written in', () => {
    expect(splitCalendarDuration('P1Y')).toEqual({ amount: 1, unit: 'years' });
    expect(splitCalendarDuration('P1Y6M')).toEqual({ amount: 18, unit: 'months' });
    expect(splitCalendarDuration('P2W')).toEqual({ amount: 2, unit: 'weeks' });
    expect(splitCalendarDuration('P1W3D')).toEqual({ amount: 10, unit: 'days' });
    expect(splitCalendarDuration('P0D')).toEqual({ amount: 0, unit: 'days' });
  });

  it('gives up on what one unit cannot show', () => {
    expect(splitCalendarDuration('P1M15D')).toBeUndefined();
    expect(splitCalendarDuration('PT48H')).toBeUndefined();
    expect(splitCalendarDuration('P')).toBeUndefined();
  });

  it('writes them back', () => {
    expect([joinCalendarDuration(1, 'years'), joinCalendarDuration(6, 'months'), joinCalendarDuration(2, 'weeks'), joinCalendarDuration(14, 'days')]).toEqual(['P1Y', 'P6M', 'P2W', 'P14D']);
  });
});
