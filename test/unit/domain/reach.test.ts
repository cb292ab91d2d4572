import { describe, expect, it } from 'vitest';
import { reachReport, suppressed } from '../../../shared/domain/reach';
import type { Question } from '../../../shared/domain/questions';
import { aRegistration } from '../../support/fixtures';

const workplace: Question = {
  id: 'workplace',
  type: 'choice',
  required: false,
  label: { nl: 'Waar werk je?' },
  options: [
    { id: 'municipality', label: { nl: 'Gemeente' } },
    { id: 'province', label: { nl: 'Provincie' } },
  ],
};
const people = (count: number, overrides: Parameters<typeof aRegistration>[0] = {}) =>
  Array.from({ length: count }, (_, index) => aRegistration({ registrationId: `${overrides.status ?? 'c'}-${index}-${String(overrides.answers?.workplace)}`, email: `p${index}.${String(overrides.answers?.workplace)}@example.org`, ...overrides }));

describe('small-cell suppression', () => {
  it('shows every count below five as "< 5", and five or more as they are', () => {
    expect([0, 1, 4, 5, 12].map(suppressed)).toEqual(['< 5', '< 5', '< 5', 5, 12]);
  });
});

describe('reachReport', () => {
  it('counts choices, attendance, first-timers and days, and hides every small group', () => {
    const registrations = [
      ...people(6, { answers: { workplace: 'municipality' }, checkedInAt: '2026-12-07T09:05:00.000Z' }),
      ...people(2, { answers: { workplace: 'province' }, createdAt: '2026-11-30T10:00:00.000Z' }),
      ...people(3, { status: 'cancelled' }),
      ...people(1, { confirmBy: '2026-11-29T12:00:00.000Z' }),
    ];
    const seenBefore = new Set(['p0.municipality@example.org', 'p1.municipality@example.org']);

    const report = reachReport(registrations, [workplace], seenBefore, { timeZone: 'Europe/Amsterdam', language: 'nl' });

    expect(report).toEqual({
      registered: 8,
      attended: 6,
      cancelled: '< 5',
      firstTime: 6,
      returning: '< 5',
      questions: [{ id: 'workplace', label: 'Waar werk je?', options: [{ id: 'municipality', label: 'Gemeente', count: 6 }, { id: 'province', label: 'Provincie', count: '< 5' }] }],
      perDay: [
        { date: '2026-11-29', count: 10 },
        { date: '2026-11-30', count: '< 5' },
      ],
    });
  });
});
