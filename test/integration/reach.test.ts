import { describe, expect, inject, it } from 'vitest';
import { call, createEvent, uniqueEmail } from '../support/local-stack';

const organiser = () => inject('organiserToken');
const WORKPLACE = {
  id: 'workplace',
  type: 'choice',
  required: true,
  label: { nl: 'Waar werk je?', en: 'Where do you work?' },
  options: [
    { id: 'municipality', label: { nl: 'Gemeente', en: 'Municipality' } },
    { id: 'water-board', label: { nl: 'Waterschap', en: 'Water board' } },
  ],
};
const register = (eventId: string, email: string, workplace: string) =>
  call('POST', `/events/${eventId}/registrations`, { body: { name: 'Bereikt', email, consent: true, answers: { workplace } } });

describe('the reach report', () => {
  it('counts whom the event reached, tells first-timers from returning people, and shows no group smaller than five', async () => {
    const earlier = await createEvent({ capacity: 20, questions: [WORKPLACE] });
    const regulars = Array.from({ length: 5 }, () => uniqueEmail('regular'));
    for (const email of regulars) await register(earlier.id, email, 'municipality');
    const later = await createEvent({ capacity: 20, language: 'nl', questions: [WORKPLACE], startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 10 * 86_400_000 + 3_600_000).toISOString() });
    for (const email of regulars) await register(later.id, email, 'municipality');
    for (let index = 0; index < 6; index++) await register(later.id, uniqueEmail('new'), index < 5 ? 'municipality' : 'water-board');

    const report = await call('GET', `/admin/events/${later.id}/reach`, { token: organiser() });
    const csv = await call('GET', `/admin/events/${later.id}/reach`, { token: organiser(), headers: { accept: 'text/csv' } });

    expect(report.json).toMatchObject({ registered: 11, attended: '< 5', cancelled: '< 5', firstTime: 6, returning: 5 });
    expect(report.json.questions).toEqual([
      { id: 'workplace', label: 'Waar werk je?', options: [{ id: 'municipality', label: 'Gemeente', count: 10 }, { id: 'water-board', label: 'Waterschap', count: '< 5' }] },
    ]);
    expect(JSON.stringify(report.json)).not.toMatch(/"count":[1-4][,}]/);
    expect(csv.text).toContain('"Waar werk je?","Waterschap","< 5"');
    expect((await call('GET', `/admin/events/${later.id}/reach`, { token: inject('doorToken') })).status).toBe(403);
  });
});
