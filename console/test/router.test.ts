import { describe, expect, it } from 'vitest';
import { eventIdFromDoorInput, hrefFor, parseHash } from '../src/router';

describe('hash routes', () => {
  it('reads every screen', () => {
    expect(parseHash('')).toEqual({ name: 'events' });
    expect(parseHash('#/events')).toEqual({ name: 'events' });
    expect(parseHash('#/events/new')).toEqual({ name: 'new-event' });
    expect(parseHash('#/events/01J9ABC')).toEqual({ name: 'overview', eventId: '01J9ABC' });
    expect(parseHash('#/events/01J9ABC/registrations')).toEqual({ name: 'registrations', eventId: '01J9ABC' });
    expect(parseHash('#/events/01J9ABC/needs')).toEqual({ name: 'needs', eventId: '01J9ABC' });
    expect(parseHash('#/events/masterclass-demo/door/')).toEqual({ name: 'door', eventId: 'masterclass-demo' });
    expect(parseHash('#/events/01J9ABC/somewhere')).toEqual({ name: 'not-found' });
    expect(parseHash('#/elsewhere')).toEqual({ name: 'not-found' });
  });

  it('writes the same addresses back', () => {
    expect(hrefFor({ name: 'certificates', eventId: '01J9ABC' })).toBe('#/events/01J9ABC/certificates');
    expect(hrefFor({ name: 'overview', eventId: 'a b' })).toBe('#/events/a%20b');
    expect(parseHash(hrefFor({ name: 'reminders', eventId: 'a b' }))).toEqual({ name: 'reminders', eventId: 'a b' });
  });

  it('carries the registrations filter, and only there', () => {
    expect(hrefFor({ name: 'registrations', eventId: '01J9ABC', show: 'pending' })).toBe('#/events/01J9ABC/registrations?show=pending');
    expect(parseHash('#/events/01J9ABC/registrations?show=undeliverable')).toEqual({ name: 'registrations', eventId: '01J9ABC', show: 'undeliverable' });
    expect(parseHash('#/events/01J9ABC/door?show=pending')).toEqual({ name: 'door', eventId: '01J9ABC' });
  });
});

describe('a door link typed or pasted by door staff', () => {
  it('gives the event id of a link or takes a bare id', () => {
    expect(eventIdFromDoorInput('https://events.example.org/console/#/events/01J9ABC/door')).toBe('01J9ABC');
    expect(eventIdFromDoorInput(' masterclass-demo ')).toBe('masterclass-demo');
    expect(eventIdFromDoorInput('https://events.example.org/console/')).toBeUndefined();
    expect(eventIdFromDoorInput('')).toBeUndefined();
  });
});
