import { describe, expect, it } from 'vitest';
import type { AdminEvent } from '../src/api-types';
import { changesFrom, createRequest, emptyForm, fieldId, fieldLabel, formFromEvent, requestFromForm } from '../src/event-form-model';
import { messages } from '../src/i18n';
import type { CalendarUnit } from '../src/time';

const t = messages.en;

const pick = <T extends object, K extends keyof T>(object: T, ...keys: K[]) => Object.fromEntries(keys.map((key) => [key, object[key]])) as Pick<T, K>;

const event: AdminEvent = {
  id: '01J9ABC',
  organisationId: 'demo-organisation',
  title: 'Masterclass',
  startsAt: '2026-12-07T08:00:00.000Z',
  endsAt: '2026-12-07T16:30:00.000Z',
  timeZone: 'Europe/Amsterdam',
  venue: { name: 'Stadskantoor', address: 'Stationsplein 1' },
  capacity: 30,
  waitlistEnabled: true,
  registrationOpensAt: '2026-11-01T08:00:00.000Z',
  registrationClosesAt: '2026-12-07T08:00:00.000Z',
  language: 'nl',
  programme: [{ startsAt: '2026-12-07T08:00:00.000Z', title: 'Welkom' }],
  promotionCutoff: 'PT0S',
  reminders: ['P7D', 'PT2H'],
  certificate: { enabled: true, hours: 6.5 },
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  emailConfirmation: 'required',
  confirmationWindow: 'PT2H',
  retention: 'P1Y',
  needsRetention: 'P14D',
  questions: [],
  counts: { confirmed: 3, waitlisted: 0, cancelled: 0, pending: 0, mail: { delivered: 0, bounced: 0, complained: 0, suppressed: 0 } },
};

describe('the event form', () => {
  it('shows times on the event clock and a closing time that follows the start as empty', () => {
    const form = formFromEvent(event);

    expect([form.startsAt, form.endsAt, form.opensAt, form.closesAt]).toEqual(['2026-12-07T09:00', '2026-12-07T17:30', '2026-11-01T09:00', '']);
    expect(form.reminders.map((row) => [row.amount, row.unit])).toEqual([
      ['7', 'days'],
      ['2', 'hours'],
    ]);
  });

  it('names every missing required field by its API path', () => {
    const { request, errors } = requestFromForm({ ...emptyForm('nl'), timeZone: 'Europe/Amsterdam' }, t);

    expect(request).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['capacity', 'endsAt', 'startsAt', 'title', 'venue.name']);
  });

  it('checks times, links, seats and hours before anything is sent', () => {
    const form = {
      ...formFromEvent(event),
      endsAt: '2026-12-07T08:00',
      onlineUrl: 'javascript:alert(1)',
      capacity: '2.5',
      hours: '6,3',
      reminders: [{ key: 1, amount: '0', unit: 'days' as const }],
    };

    expect(requestFromForm(form, t).errors).toEqual({
      endsAt: t.form.endBeforeStart,
      'venue.onlineUrl': t.form.urlInvalid,
      capacity: t.form.capacityInvalid,
      'certificate.hours': t.form.hoursInvalid,
      'reminders.0': t.form.reminderInvalid,
    });
  });

  it('sends a new event with offsets, and without the optional texts left empty', () => {
    const form = { ...formFromEvent(event), description: '', hours: '6,5' };
    const { request } = requestFromForm(form, t);

    const created = createRequest(request!);

    expect(created).toMatchObject({ startsAt: '2026-12-07T09:00:00+01:00', registrationClosesAt: '2026-12-07T09:00:00+01:00', reminders: ['P7D', 'PT2H'] });
    expect(created.description).toBeUndefined();
    expect(created.certificate).toEqual({ enabled: true, hours: 6.5 });
  });

  it('a change sends only what changed, and null to remove the opening time', () => {
    const original = formFromEvent(event);
    const { request } = requestFromForm({ ...original, capacity: '40', opensAt: '' }, t);

    expect(changesFrom(original, request!, t)).toEqual({ capacity: 40, registrationOpensAt: null });
  });

  it('shows the address confirmation as a checkbox and the window as a number and a unit', () => {
    expect(formFromEvent(event)).toMatchObject({ confirmationRequired: true, confirmationAmount: '2', confirmationUnit: 'hours' });
    expect(formFromEvent({ ...event, emailConfirmation: 'off', confirmationWindow: 'PT45M' })).toMatchObject({ confirmationRequired: false, confirmationAmount: '45', confirmationUnit: 'minutes' });
    expect(formFromEvent({ ...event, confirmationWindow: 'P1D' })).toMatchObject({ confirmationAmount: '1', confirmationUnit: 'days' });
    expect(formFromEvent({ ...event, confirmationWindow: 'PT90M' })).toMatchObject({ confirmationAmount: '90', confirmationUnit: 'minutes' });
  });

  it('a new event asks for address confirmation within 2 hours', () => {
    const blank = emptyForm('nl');
    const filledIn = formFromEvent({ ...event, emailConfirmation: 'off', confirmationWindow: 'PT45M' });
    const { confirmationRequired, confirmationAmount, confirmationUnit } = blank;

    const created = createRequest(requestFromForm({ ...filledIn, confirmationRequired, confirmationAmount, confirmationUnit }, t).request!);

    expect(created).toMatchObject({ emailConfirmation: 'required', confirmationWindow: 'PT2H' });
  });

  it('sends the window the organiser chose, and comes back to the same form', () => {
    const form = { ...formFromEvent(event), confirmationAmount: '30', confirmationUnit: 'minutes' as const };

    const { request } = requestFromForm(form, t);

    expect(request).toMatchObject({ emailConfirmation: 'required', confirmationWindow: 'PT30M' });
    expect(formFromEvent({ ...event, ...request!, counts: event.counts } as typeof event)).toMatchObject({ confirmationRequired: true, confirmationAmount: '30', confirmationUnit: 'minutes' });
  });

  it('without confirmation sends off and no window, and does not check the hidden window', () => {
    const form = { ...formFromEvent(event), confirmationRequired: false, confirmationAmount: '0' };

    const { request, errors } = requestFromForm(form, t);

    expect(errors).toEqual({});
    expect(request!.emailConfirmation).toBe('off');
    expect(request).not.toHaveProperty('confirmationWindow');
  });

  it('accepts a window from 15 minutes to 2 days, in whole units', () => {
    const windowOf = (amount: string, unit: 'minutes' | 'hours' | 'days') => {
      const { request, errors } = requestFromForm({ ...formFromEvent(event), confirmationAmount: amount, confirmationUnit: unit }, t);
      return request?.confirmationWindow ?? errors.confirmationWindow;
    };

    expect(windowOf('15', 'minutes')).toBe('PT15M');
    expect(windowOf('48', 'hours')).toBe('PT48H');
    expect(windowOf('2', 'days')).toBe('P2D');
    expect(windowOf('14', 'minutes')).toBe(t.form.confirmationWindowInvalid);
    expect(windowOf('49', 'hours')).toBe(t.form.confirmationWindowInvalid);
    expect(windowOf('3', 'days')).toBe(t.form.confirmationWindowInvalid);
    expect(windowOf('1,5', 'hours')).toBe(t.form.confirmationWindowInvalid);
    expect(windowOf('', 'hours')).toBe(t.form.confirmationWindowInvalid);
  });

  it('a change to the confirmation sends only that', () => {
    const original = formFromEvent(event);

    expect(changesFrom(original, requestFromForm({ ...original, confirmationRequired: false }, t).request!, t)).toEqual({ emailConfirmation: 'off' });
    expect(changesFrom(original, requestFromForm({ ...original, confirmationAmount: '1', confirmationUnit: 'days' }, t).request!, t)).toEqual({ confirmationWindow: 'P1D' });
    expect(changesFrom(original, requestFromForm(original, t).request!, t)).toEqual({});
  });

  it('a new event keeps registrations a year and needs 14 days after the end, and names no controller', () => {
    expect(emptyForm('nl')).toMatchObject({ retentionAmount: '1', retentionUnit: 'years', needsRetentionAmount: '14', needsRetentionUnit: 'days', controllerName: '', controllerContact: '' });

    const { request } = requestFromForm({ ...formFromEvent(event), ...pick(emptyForm('nl'), 'retentionAmount', 'retentionUnit', 'needsRetentionAmount', 'needsRetentionUnit') }, t);

    expect(request).toMatchObject({ retention: 'P1Y', needsRetention: 'P14D' });
    expect(request).not.toHaveProperty('controller');
  });

  it('shows the retention settings as a number and a calendar unit', () => {
    expect(formFromEvent({ ...event, retention: 'P18M', needsRetention: 'P2W' })).toMatchObject({ retentionAmount: '18', retentionUnit: 'months', needsRetentionAmount: '2', needsRetentionUnit: 'weeks' });
    expect(formFromEvent({ ...event, retention: 'P1Y6M', needsRetention: 'P0D' })).toMatchObject({ retentionAmount: '18', retentionUnit: 'months', needsRetentionAmount: '0', needsRetentionUnit: 'days' });
  });

  it('sends the controller with both its name and its contact, trimmed', () => {
    const form = { ...formFromEvent(event), controllerName: ' Gemeente Utrecht ', controllerContact: 'privacy@utrecht.nl ' };

    expect(requestFromForm(form, t).request!.controller).toEqual({ name: 'Gemeente Utrecht', contact: 'privacy@utrecht.nl' });
    expect(requestFromForm({ ...form, controllerContact: 'https://utrecht.nl/privacy' }, t).request!.controller).toEqual({ name: 'Gemeente Utrecht', contact: 'https://utrecht.nl/privacy' });
  });

  it('asks for both parts of the controller or neither, and a contact the privacy page can link to, in the organiser\'s language', () => {
    const errorsOf = (name: string, contact: string, language: 'nl' | 'en' = 'en') =>
      requestFromForm({ ...formFromEvent(event), controllerName: name, controllerContact: contact }, messages[language]).errors;

    expect(errorsOf('Gemeente Utrecht', '')).toEqual({ 'controller.contact': 'Also fill in how participants reach the controller, or clear the name.' });
    expect(errorsOf('', 'privacy@utrecht.nl')).toEqual({ 'controller.name': "Also fill in the controller's name, or clear the contact." });
    expect(errorsOf('Gemeente Utrecht', '030 286 00 00')).toEqual({ 'controller.contact': 'This must be an e-mail address (name@example.org) or a web address starting with https://' });
    expect(errorsOf('Gemeente Utrecht', '', 'nl')).toEqual({ 'controller.contact': 'Vul ook in hoe deelnemers de verantwoordelijke bereiken, of maak de naam leeg.' });
    expect(errorsOf('G'.repeat(201), 'privacy@utrecht.nl', 'nl')).toEqual({ 'controller.name': 'Hoogstens 200 tekens.' });
    expect(errorsOf('', '')).toEqual({});
  });

  it('cannot take away a controller the event has, since the API keeps it', () => {
    const named = formFromEvent({ ...event, controller: { name: 'Gemeente Utrecht', contact: 'privacy@utrecht.nl' } });

    expect(requestFromForm({ ...named, controllerName: '', controllerContact: '' }, t).errors).toEqual({
      'controller.name': 'The controller cannot be removed, only changed. Fill in the name and the contact again.',
    });
  });

  it('keeps registrations at most 2 years, and needs at most as long as the registrations, counted on the calendar from the end', () => {
    const errorsOf = (retention: [string, CalendarUnit], needs: [string, CalendarUnit], language: 'nl' | 'en' = 'en') =>
      requestFromForm(
        { ...formFromEvent(event), retentionAmount: retention[0], retentionUnit: retention[1], needsRetentionAmount: needs[0], needsRetentionUnit: needs[1] },
        messages[language],
      ).errors;

    expect(errorsOf(['2', 'years'], ['2', 'years'])).toEqual({});
    expect(errorsOf(['24', 'months'], ['0', 'days'])).toEqual({});
    expect(errorsOf(['25', 'months'], ['14', 'days'])).toEqual({ retention: 'A whole number, 1 or more; at most 2 years in all.' });
    // Two years after 7 December 2026 takes in 29 February 2028: 731 days.
    expect(errorsOf(['731', 'days'], ['14', 'days'])).toEqual({});
    expect(errorsOf(['732', 'days'], ['14', 'days'])).toEqual({ retention: 'A whole number, 1 or more; at most 2 years in all.' });
    expect(errorsOf(['0', 'years'], ['14', 'days'], 'nl')).toEqual({ retention: 'Een heel getal van 1 of meer; samen hoogstens 2 jaar.' });
    expect(errorsOf(['1,5', 'years'], ['14', 'days'])).toHaveProperty('retention');
    expect(errorsOf(['1', 'months'], ['5', 'weeks'])).toEqual({ needsRetention: 'Needs cannot be kept longer than the registrations themselves.' });
    expect(errorsOf(['1', 'months'], ['', 'days'], 'nl')).toEqual({ needsRetention: 'Een heel getal van 0 of meer.' });
    // The event ends 7 December: a month after is 7 January, 31 days.
    expect(errorsOf(['1', 'months'], ['31', 'days'])).toEqual({});
    expect(errorsOf(['1', 'months'], ['32', 'days'])).toHaveProperty('needsRetention');
  });

  it('a change to the privacy settings sends only that', () => {
    const original = formFromEvent(event);
    const changed = (change: Partial<typeof original>) => changesFrom(original, requestFromForm({ ...original, ...change }, t).request!, t);

    expect(changed({ retentionAmount: '6', retentionUnit: 'months' })).toEqual({ retention: 'P6M' });
    expect(changed({ needsRetentionAmount: '1', needsRetentionUnit: 'weeks' })).toEqual({ needsRetention: 'P1W' });
    expect(changed({ controllerName: 'Gemeente Utrecht', controllerContact: 'privacy@utrecht.nl' })).toEqual({ controller: { name: 'Gemeente Utrecht', contact: 'privacy@utrecht.nl' } });
    expect(changesFrom(original, requestFromForm(original, t).request!, t)).toEqual({});
  });

  it('the API field paths become input ids and labels', () => {
    expect(fieldId('programme.0.title')).toBe('ev-programme-0-title');
    expect(fieldLabel('programme.0.title', t)).toBe('Item 1: Item');
    expect(fieldLabel('reminders.1', t)).toBe('Reminder 2');
    expect(fieldLabel('venue.name', t)).toBe('Venue');
    expect(fieldId('confirmationWindow')).toBe('ev-confirmationWindow');
    expect(fieldLabel('confirmationWindow', t)).toBe('Time to confirm');
    expect(fieldId('controller.contact')).toBe('ev-controller-contact');
    expect(fieldLabel('controller.contact', t)).toBe('Contact for privacy questions');
    expect(fieldLabel('needsRetention', messages.nl)).toBe('Wensen bewaren');
  });
});
