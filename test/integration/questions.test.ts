import { describe, expect, inject, it } from 'vitest';
import { call, createEvent, pathOf, personalLinkFor, uniqueEmail } from '../support/local-stack';

const organiser = () => inject('organiserToken');
const option = (id: string, nl: string, en: string) => ({ id, label: { nl, en } });
const QUESTIONS = [
  { id: 'learn', type: 'longText', required: true, label: { nl: 'Wat wil je leren?', en: 'What do you want to learn?' } },
  { id: 'case', type: 'yesNo', required: false, label: { nl: 'Neem je een eigen casus mee?' } },
  { id: 'workplace', type: 'choice', required: false, label: { nl: 'Waar werk je?', en: 'Where do you work?' }, options: [option('municipality', 'Gemeente', 'Municipality'), option('province', 'Provincie', 'Province')] },
  { id: 'topics', type: 'multiChoice', required: false, label: { en: 'Topics' }, options: [option('reach', 'Bereik', 'Reach'), option('feedback', 'Terugkoppeling', 'Feedback')] },
];
const register = (eventId: string, answers: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  call('POST', `/events/${eventId}/registrations`, { body: { name: 'Vraag Beantwoorder', email: uniqueEmail('answers'), consent: true, answers, ...extra } });

describe("the organiser's questions", () => {
  it('are checked when the event is made: unique ids, and options for a choice', async () => {
    const start = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const end = new Date(Date.parse(start) + 3_600_000).toISOString();
    const refused = await call('POST', '/admin/events', {
      token: organiser(),
      body: { title: 'Vragen', startsAt: start, endsAt: end, venue: { name: 'Hier' }, capacity: 5, questions: [QUESTIONS[0], { ...QUESTIONS[0] }, { id: 'one', type: 'choice', label: { nl: 'Eén' } }] },
    });

    expect(refused.status).toBe(400);
    expect(refused.json.errors.map((error: { field: string }) => error.field).sort()).toEqual(['questions.1.id', 'questions.2.options']);
  });

  it('have their answers checked against them, stored with the registration and shown to organiser and participant', async () => {
    const event = await createEvent({ capacity: 5, language: 'nl', questions: QUESTIONS });

    const wrong = await register(event.id, { learn: '', case: 'misschien', workplace: 'city', topics: ['reach', 'reach'], extra: 'x' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors.map((error: { field: string }) => error.field).sort()).toEqual(['answers.case', 'answers.extra', 'answers.learn', 'answers.topics', 'answers.workplace']);

    const email = uniqueEmail('answered');
    const right = await register(event.id, { learn: 'Hoe bereik ik jongeren?', case: true, workplace: 'province', topics: ['reach', 'feedback'] }, { email });
    expect(right.status).toBe(201);

    const list = await call('GET', `/admin/events/${event.id}/registrations`, { token: organiser() });
    expect(list.json.items[0].answers).toEqual({ learn: 'Hoe bereik ik jongeren?', case: true, workplace: 'province', topics: ['reach', 'feedback'] });
    const csv = await call('GET', `/admin/events/${event.id}/registrations`, { token: organiser(), headers: { accept: 'text/csv' } });
    const [header, row] = csv.text.replace('\uFEFF', '').split('\r\n');
    expect(header).toContain('"Wat wil je leren?","Neem je een eigen casus mee?","Waar werk je?","Topics"');
    expect(row).toContain('"Hoe bereik ik jongeren?","ja","Provincie","Bereik; Terugkoppeling"');

    const link = await personalLinkFor(email);
    const page = await call('GET', pathOf(link.url));
    expect(page.text).toContain('<dt>Waar werk je?</dt><dd>Provincie</dd>');
    const data = await call('GET', `/registrations/${link.registrationId}/data?token=${link.token}`);
    expect(data.json.registration.answers).toMatchObject({ workplace: 'province' });
  });

  it('are asked on the hosted form with the right controls, and a missing answer is shown at its question', async () => {
    const event = await createEvent({ capacity: 5, language: 'nl', questions: QUESTIONS });

    const form = await call('GET', `/events/${event.id}/register`);
    const missing = await call('POST', `/events/${event.id}/registrations`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ language: 'nl', name: 'Ada', email: uniqueEmail('formq'), consent: 'true', website: '', 'answers.case': 'yes' }).toString(),
    });
    const posted = await call('POST', `/events/${event.id}/registrations`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        language: 'nl',
        name: 'Bea',
        email: uniqueEmail('formq'),
        consent: 'true',
        website: '',
        'answers.learn': 'Alles',
        'answers.case': 'no',
        'answers.workplace': 'municipality',
        'answers.topics.feedback': 'on',
      }).toString(),
    });

    expect(form.text).toMatch(/<fieldset[^>]*><legend>Waar werk je\?<\/legend>/);
    expect(form.text).toContain('<input type="radio" id="field-answers-workplace-province" name="answers.workplace" value="province">');
    expect(form.text).toContain('<input type="checkbox" id="field-answers-topics-reach" name="answers.topics.reach" value="on">');
    expect(form.text).toMatch(/<textarea id="field-answers-learn" name="answers.learn" maxlength="2000" required/);
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('id="field-answers-learn-error"');
    expect(missing.text).toContain('<input type="radio" id="field-answers-case-yes" name="answers.case" value="yes" checked>');
    expect(posted.status).toBe(303);
    const list = await call('GET', `/admin/events/${event.id}/registrations`, { token: organiser() });
    expect(list.json.items[0].answers).toEqual({ learn: 'Alles', case: false, workplace: 'municipality', topics: ['feedback'] });
  });

  it('keep their meaning once answered: no new type, no chosen option removed, but hiding is fine', async () => {
    const event = await createEvent({ capacity: 5, questions: QUESTIONS });
    await register(event.id, { learn: 'Veel', workplace: 'municipality' });
    const patch = (questions: unknown) => call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { questions } });

    const retyped = await patch(QUESTIONS.map((question) => (question.id === 'learn' ? { ...question, type: 'text' } : question)));
    const optionLost = await patch(QUESTIONS.map((question) => (question.id === 'workplace' ? { ...question, options: [question.options![1], option('other', 'Anders', 'Other')] } : question)));
    const removed = await patch(QUESTIONS.filter((question) => question.id !== 'learn'));
    const hidden = await patch(QUESTIONS.map((question) => (question.id === 'learn' ? { ...question, hidden: true } : question)));

    for (const refused of [retyped, optionLost, removed]) expect([refused.status, refused.json.type]).toEqual([409, 'urn:event-registration:problem:question-answered']);
    expect(optionLost.json.detail).toContain('"municipality"');
    expect(hidden.status).toBe(200);
    expect((await call('GET', `/events/${event.id}/register`)).text).not.toContain('field-answers-learn');
    expect((await register(event.id, { workplace: 'province' })).status).toBe(201);
  });
});
