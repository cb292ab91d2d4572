import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedbackOf, sesEventSchema } from '../../../functions/mail-feedback/schema';
import { sesFeedbackEvent, simulatedEvents } from '../../../infra/local/ses-feedback';
import { mailIdTag, registrationFeedback, suppressionOf } from '../../../shared/domain/mail';

const sent = { messageId: 'm-1', recipient: 'bounce@simulator.amazonses.com', configurationSet: 'set', tags: { mailId: 'mail-1', eventId: 'event-1' } };
const read = (event: unknown) => feedbackOf(sesEventSchema.parse(event));

describe('SES feedback', () => {
  it('reads the sample EventBridge event: a permanent bounce of our mail', () => {
    const sample = JSON.parse(readFileSync('events/mail-feedback.json', 'utf8'));
    expect(read(sample)).toEqual({ mailId: '01SAMPLEMAIL0000000000000', outcome: 'bounced', at: '2026-11-29T10:00:05.000Z' });
  });

  it('tells a permanent bounce from a transient one, and reads deliveries, complaints and rejects', () => {
    const at = new Date('2026-11-29T10:00:00Z');
    const transient = sesFeedbackEvent('BOUNCE', sent, at) as { detail: { bounce: { bounceType: string } } };
    transient.detail.bounce.bounceType = 'Transient';

    expect(read(sesFeedbackEvent('DELIVERY', sent, at))?.outcome).toBe('delivered');
    expect(read(sesFeedbackEvent('BOUNCE', sent, at))?.outcome).toBe('bounced');
    expect(read(transient)?.outcome).toBe('soft-bounced');
    expect(read(sesFeedbackEvent('COMPLAINT', sent, at))?.outcome).toBe('complained');
    expect(read(sesFeedbackEvent('REJECT', sent, at))?.outcome).toBe('rejected');
  });

  it('finds a fan-out mail again, whose id has dots that an SES tag may not carry', () => {
    const mailId = 'event-1.reminder-P7D.01SAMPLEREG00000000000000';
    const tag = mailIdTag(mailId);

    expect(tag).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(read(sesFeedbackEvent('DELIVERY', { ...sent, tags: { mailId: tag } }, new Date()))?.mailId).toBe(mailId);
  });

  it('ignores mail that is not ours (no mailId tag)', () => {
    expect(read(sesFeedbackEvent('BOUNCE', { ...sent, tags: {} }, new Date()))).toBeUndefined();
  });

  it('plays the mailbox simulator locally, labels included', () => {
    expect(simulatedEvents('bounce+abc@simulator.amazonses.com')).toEqual(['BOUNCE']);
    expect(simulatedEvents('complaint@Simulator.AmazonSES.com')).toEqual(['DELIVERY', 'COMPLAINT']);
    expect(simulatedEvents('success@simulator.amazonses.com')).toEqual(['DELIVERY']);
    expect(simulatedEvents('ada@example.org')).toEqual([]);
  });
});

describe('suppressionOf', () => {
  it('sends nothing to an address that bounced or complained, and only the request to an unconfirmed one', () => {
    expect(suppressionOf('reminder', { addressUndeliverable: 'bounced' })).toBe('address-bounced');
    expect(suppressionOf('confirm-address', { confirmBy: 'x', addressUndeliverable: 'complained' })).toBe('address-complained');
    expect(suppressionOf('registration-promoted', { confirmBy: 'x' })).toBe('address-unconfirmed');
    expect(suppressionOf('confirm-address', { confirmBy: 'x' })).toBeUndefined();
    expect(suppressionOf('confirm-address', {})).toBe('already-confirmed');
    expect(suppressionOf('reminder', {})).toBeUndefined();
  });
});

describe('registrationFeedback', () => {
  const sent = { sentAt: '2026-11-29T10:00:00.000Z' };

  it('marks the address on a permanent bounce or complaint, and records a delivery only while it is not marked', () => {
    expect(registrationFeedback('bounced', {}, sent)).toEqual({ kind: 'undeliverable', because: 'bounced', addressChangedAt: undefined });
    expect(registrationFeedback('complained', { addressUndeliverable: 'bounced' }, sent)).toMatchObject({ kind: 'undeliverable', because: 'complained' });
    expect(registrationFeedback('delivered', {}, sent)).toEqual({ kind: 'delivered' });
    expect(registrationFeedback('delivered', { addressUndeliverable: 'complained' }, sent)).toBeUndefined();
    expect(registrationFeedback('soft-bounced', {}, sent)).toBeUndefined();
    expect(registrationFeedback('bounced', undefined, sent)).toBeUndefined();
  });

  it('ignores a bounce of a mail sent before the address was corrected', () => {
    expect(registrationFeedback('bounced', { addressChangedAt: '2026-11-29T11:00:00.000Z' }, sent)).toBeUndefined();
    expect(registrationFeedback('bounced', { addressChangedAt: '2026-11-29T09:00:00.000Z' }, sent)).toEqual({
      kind: 'undeliverable',
      because: 'bounced',
      addressChangedAt: '2026-11-29T09:00:00.000Z',
    });
  });
});
