import { describe, expect, it } from 'vitest';
import type { AdminEvent } from '../src/api-types';
import { changesFrom, createRequest, emptyForm, fieldId, fieldLabel, formFromEvent, requestFromForm } from '../src/event-form-model';
import { messages } from '../src/i18n';

const t = messages.en;

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

  it('the API field paths become input ids and labels', () => {
    expect(fieldId('programme.0.title')).toBe('ev-programme-0-title');
    expect(fieldLabel('programme.0.title', t)).toBe('Item 1: Item');
    expect(fieldLabel('reminders.1', t)).toBe('Reminder 2');
    expect(fieldLabel('venue.name', t)).toBe('Venue');
    expect(fieldId('confirmationWindow')).toBe('ev-confirmationWindow');
    expect(fieldLabel('confirmationWindow', t)).toBe('Time to confirm');
  });
});
