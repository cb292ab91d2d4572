import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedbackOf, sesEventSchema } from '../../../functions/mail-feedback/schema';
import { sesFeedbackEvent, simulatedEvents } from '../../../infra/local/ses-feedback';
import { suppressionOf } from '../../../shared/domain/mail';

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
