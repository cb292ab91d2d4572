import { describe, expect, it } from 'vitest';
import { createEventSchema } from '../../../functions/create-event/schema';
import { registrationSchema } from '../../../functions/register/schema';
import { updateEventSchema } from '../../../functions/update-event/schema';
import { durationMs, isDurationWithin, isIsoDuration } from '../../../shared/domain/durations';
import { fieldErrors } from '../../../shared/http/validation';
import * as z from '../../../shared/schemas/zod';

/** Bounds found by hand and by the hostile-input run (test/integration/hostile-input.test.ts). */
const event = { title: 'Masterclass', startsAt: '2026-12-07T09:00:00+01:00', endsAt: '2026-12-07T17:00:00+01:00', venue: { name: 'Provinciehuis' }, capacity: 30 };
const errorsOf = (schema: z.core.$ZodType, value: unknown) => {
  const result = z.safeParse(schema, value);
  return result.success ? [] : fieldErrors(result.error);
};

describe('event dates', () => {
  it.each(['9999-12-31T23:00:00-05:00', '9999-12-31T12:00:00Z', '0001-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2101-01-01T00:00:00Z', '2100-12-31T23:00:00-05:00'])('refuses %s with a field error', (startsAt) => {
    expect(errorsOf(createEventSchema, { ...event, startsAt })).toEqual([{ field: 'startsAt', message: 'must be in the years 2000 to 2100' }]);
  });

  it('takes the first and the last moment of the range', () => {
    expect(errorsOf(createEventSchema, { ...event, startsAt: '2000-01-01T00:00:00Z', endsAt: '2100-12-31T23:59:59Z' })).toEqual([]);
  });

  it('bounds every date of an event, in a change too', () => {
    expect(errorsOf(updateEventSchema, { registrationClosesAt: '9999-12-31T00:00:00Z', programme: [{ startsAt: '9999-12-31T00:00:00Z', title: 'Opening' }] }).map((error) => error.field)).toEqual([
      'registrationClosesAt',
      'programme.0.startsAt',
    ]);
  });
});

describe('durations', () => {
  it('are not empty: P, PT and a T with no time name no length', () => {
    expect(['P', 'PT', 'P1DT', 'PTS'].some(isIsoDuration)).toBe(false);
    expect(['PT0S', 'P1D', 'P1DT2H', 'PT1.5H', 'P1W'].every(isIsoDuration)).toBe(true);
  });

  it('measure their length without throwing, even past any date', () => {
    expect(durationMs('P1D')).toBe(86_400_000);
    expect(durationMs('P1Y')).toBe(365 * 86_400_000);
    expect(durationMs('P99999999999999999999Y')).toBeUndefined();
    expect(durationMs('not a duration')).toBeUndefined();
    expect(isDurationWithin('P-1D', { min: 'PT0S', max: 'P1Y' })).toBe(false);
  });

  it.each([
    ['PT', 'must be an ISO 8601 duration, like PT2H or P1D'],
    ['P-1D', 'must not be negative'],
    ['PT-5M', 'must not be negative'],
    ['PT0S', 'must be more than PT0S and at most P1Y'],
    ['P366D', 'must be more than PT0S and at most P1Y'],
    ['P1Y1D', 'must be more than PT0S and at most P1Y'],
    ['P99999999999999999999Y', 'must be more than PT0S and at most P1Y'],
  ])('refuses the reminder offset %s', (offset, message) => {
    expect(errorsOf(createEventSchema, { ...event, reminders: [offset] })).toEqual([{ field: 'reminders.0', message }]);
  });

  it('takes reminders up to a year before the start', () => {
    expect(errorsOf(createEventSchema, { ...event, reminders: ['P1Y', 'P12M', 'P365D', 'P7D', 'PT10M'] })).toEqual([]);
  });

  it('bounds the promotion cutoff, the retention and the confirmation window, without throwing on text that is no duration', () => {
    expect(errorsOf(updateEventSchema, { promotionCutoff: 'P2Y', retention: 'P-1D', needsRetention: 'P99999999999999999999Y', confirmationWindow: 'ሰላም' })).toEqual([
      { field: 'promotionCutoff', message: 'must be at least PT0S and at most P1Y' },
      { field: 'retention', message: 'must not be negative' },
      { field: 'needsRetention', message: 'must be at least PT0S and at most P2Y' },
      { field: 'confirmationWindow', message: 'must be an ISO 8601 duration, like PT2H or P1D' },
    ]);
    expect(errorsOf(updateEventSchema, { confirmationWindow: 'PT10M' })).toEqual([{ field: 'confirmationWindow', message: 'must be at least PT15M and at most P2D' }]);
  });
});

describe('names', () => {
  const person = { email: 'ann@example.org', consent: true };

  it.each([
    ['Hangul fillers', '\u3164\u115F\u1160'],
    ['a halfwidth Hangul filler', '\uFFA0'],
    ['the blank Braille pattern', '\u2800\u2800'],
    ['combining marks on nothing', '\u0301\u0308'],
    ['a variation selector', '\uFE0F'],
  ])('refuses a name of only %s', (_what, name) => {
    expect(errorsOf(registrationSchema, { ...person, name })).toEqual([{ field: 'name', message: 'must contain at least one visible character' }]);
  });

  it.each([
    ['zero-width characters', '\u200B\u200D'],
    ['a byte-order mark', '\uFEFF'],
  ])('refuses a name of only %s', (_what, name) => {
    expect(new Set(errorsOf(registrationSchema, { ...person, name }).map((error) => error.field))).toEqual(new Set(['name']));
  });

  it('refuses text garbled on the way (U+FFFD, a lone surrogate half)', () => {
    expect(errorsOf(registrationSchema, { ...person, name: 'Zo\uFFFD' })).toEqual([{ field: 'name', message: 'must be valid UTF-8 text: some characters were garbled on the way' }]);
    expect(errorsOf(registrationSchema, { ...person, name: 'Zo\uD800', dietaryNeeds: 'x\uDC00', needsConsent: true }).map((error) => error.field)).toEqual(['name', 'dietaryNeeds']);
  });
});

describe('what the certificate prints', () => {
  it("refuses an event title or certificate text the certificate font cannot draw, in a change too, and takes Greek and Cyrillic", () => {
    expect(errorsOf(createEventSchema, { ...event, title: '参与式民主大师班' }).map((error) => error.field)).toEqual(['title']);
    expect(errorsOf(updateEventSchema, { title: 'ማስተር ክፍል', certificate: { description: 'ለተሳትፎ' } }).map((error) => error.field)).toEqual(['title', 'certificate.description']);
    expect(errorsOf(createEventSchema, { ...event, title: 'Μάθημα — Мастер-класс' })).toEqual([]);
  });
});
