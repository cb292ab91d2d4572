import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../shared/domain/errors';
import { newEvent } from '../../../shared/domain/event-changes';
import { needsRetentionEnd, retentionEnd } from '../../../shared/domain/registration';
import { anEvent, masterclassInput, NOW } from '../../support/fixtures';

describe('retention dates', () => {
  it('keeps a registration a year and the needs fourteen days after the end, by default', () => {
    const event = anEvent();

    expect(event.endsAt).toBe('2026-12-07T16:30:00.000Z');
    expect(retentionEnd(event)).toBe('2027-12-07T16:30:00.000Z');
    expect(needsRetentionEnd(event)).toBe('2026-12-21T16:30:00.000Z');
  });

  it('counts on the event’s calendar: six months after a winter evening is the same wall-clock time in summer', () => {
    const event = anEvent({}, { retention: 'P6M', needsRetention: 'P1D' });

    // 17:30 in Amsterdam in December (UTC+1) and in June (UTC+2).
    expect(retentionEnd(event)).toBe('2027-06-07T15:30:00.000Z');
    expect(needsRetentionEnd(event)).toBe('2026-12-08T16:30:00.000Z');
  });

  it('reads events stored before the settings as a year, needs included', () => {
    const { retention: _retention, needsRetention: _needs, ...legacy } = anEvent();

    expect(retentionEnd(legacy)).toBe('2027-12-07T16:30:00.000Z');
    expect(needsRetentionEnd(legacy)).toBe('2027-12-07T16:30:00.000Z');
  });

  it('refuses more than two years, and needs kept longer than the rest', () => {
    const fields = (input: Parameters<typeof masterclassInput>[0]) => {
      try {
        newEvent(masterclassInput(input), { id: 'e', organisationId: 'o' }, NOW);
        return [];
      } catch (error) {
        return (error as ValidationFailed).errors!.map((fieldError) => fieldError.field);
      }
    };

    expect(fields({ retention: 'P2Y' })).toEqual([]);
    expect(fields({ retention: 'P2Y1D' })).toEqual(['retention']);
    expect(fields({ retention: 'P30D', needsRetention: 'P31D' })).toEqual(['needsRetention']);
  });
});
