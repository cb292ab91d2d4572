import { describe, expect, it } from 'vitest';
import { isInAudience, messageJobId, messageMailing, messageRequestHash, messageText, type MessageAudience } from '../../../shared/domain/message';
import type { Registration } from '../../../shared/domain/registration';
import { NOW, aRegistration } from '../../support/fixtures';

describe('who a message goes to', () => {
  const people: Record<string, Registration> = {
    seated: aRegistration({ registrationId: 'seated' }),
    checkedIn: aRegistration({ registrationId: 'checked-in', checkedInAt: NOW.toISOString() }),
    seatedUnconfirmed: aRegistration({ registrationId: 'seated-unconfirmed', confirmBy: NOW.toISOString() }),
    waiting: aRegistration({ registrationId: 'waiting', status: 'waitlisted' }),
    waitingUnconfirmed: aRegistration({ registrationId: 'waiting-unconfirmed', status: 'waitlisted', confirmBy: NOW.toISOString() }),
    cancelled: aRegistration({ registrationId: 'cancelled', status: 'cancelled', cancelledAt: NOW.toISOString() }),
    cancelledAfterCheckIn: aRegistration({ registrationId: 'cancelled-after-check-in', status: 'cancelled', checkedInAt: NOW.toISOString() }),
  };
  const audience = (wanted: MessageAudience) =>
    Object.values(people)
      .filter((registration) => isInAudience(registration, wanted))
      .map((registration) => registration.registrationId);

  it('confirmed: seat holders whose address is confirmed', () => {
    expect(audience('confirmed')).toEqual(['seated', 'checked-in']);
  });

  it('waitlisted: those waiting whose address is confirmed, never a seat holder', () => {
    expect(audience('waitlisted')).toEqual(['waiting']);
  });

  it('attended: those checked in who still hold their seat', () => {
    expect(audience('attended')).toEqual(['checked-in']);
  });

  it('all: every registration not cancelled (delivery withholds the unconfirmed ones)', () => {
    expect(audience('all')).toEqual(['seated', 'checked-in', 'seated-unconfirmed', 'waiting', 'waiting-unconfirmed']);
  });
});

describe("a message's language", () => {
  const both = { subject: { nl: 'Onderwerp', en: 'Subject' }, body: { nl: 'Tekst', en: 'Text' } };

  it("is the reader's where it was written in both", () => {
    expect(messageText(both, 'nl')).toEqual({ language: 'nl', subject: 'Onderwerp', body: 'Tekst' });
    expect(messageText(both, 'en')).toEqual({ language: 'en', subject: 'Subject', body: 'Text' });
  });

  it('is the one written otherwise', () => {
    expect(messageText({ subject: { en: 'Subject' }, body: { en: 'Text' } }, 'nl')).toEqual({ language: 'en', subject: 'Subject', body: 'Text' });
  });
});

describe("a message's job", () => {
  const request = { subject: { nl: 'Onderwerp' }, body: { nl: 'Tekst' }, audience: 'confirmed' as const };

  it('takes its id from the Idempotency-Key, so a repeated request names the same job; without one a new id', () => {
    const fresh = () => '01JABCDEFGHJKMNPQRSTVWXYZ0';
    expect(messageJobId('order-42', fresh)).toBe(messageJobId('order-42', fresh));
    expect(messageJobId('order-42', fresh)).toMatch(/^message-[0-9a-f]{32}$/);
    expect(messageJobId('order-43', fresh)).not.toBe(messageJobId('order-42', fresh));
    expect(messageJobId(undefined, fresh)).toBe('message-01JABCDEFGHJKMNPQRSTVWXYZ0');
  });

  it('hashes the request so that the same message matches and any other does not', () => {
    expect(messageRequestHash({ audience: 'confirmed', body: { nl: 'Tekst' }, subject: { nl: 'Onderwerp' } })).toBe(messageRequestHash(request));
    expect(messageRequestHash({ ...request, audience: 'all' })).not.toBe(messageRequestHash(request));
    expect(messageRequestHash({ ...request, body: { nl: 'Tekst!' } })).not.toBe(messageRequestHash(request));
    expect(messageRequestHash({ ...request, subject: { en: 'Onderwerp' }, body: { en: 'Tekst' } })).not.toBe(messageRequestHash(request));
  });

  it('is due now, for those registered by now, and keeps the text on the job', () => {
    expect(messageMailing('event-1', 'message-x', { ...request, audience: 'all' }, NOW)).toEqual({
      eventId: 'event-1',
      jobId: 'message-x',
      kind: 'message',
      dueAt: '2026-11-29T10:00:00.000Z',
      createdAt: '2026-11-29T10:00:00.000Z',
      registeredBefore: '2026-11-29T10:00:00.000Z',
      state: 'scheduled',
      sent: 0,
      audience: 'everyone',
      message: { subject: { nl: 'Onderwerp' }, body: { nl: 'Tekst' }, requestHash: messageRequestHash({ ...request, audience: 'all' }) },
    });
  });
});
