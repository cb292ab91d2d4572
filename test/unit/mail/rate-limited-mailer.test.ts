import { describe, expect, it } from 'vitest';
import { RateLimitedMailer } from '../../../shared/adapters/rate-limited-mailer';
import type { Mailer } from '../../../shared/adapters/ses-mailer';

describe('RateLimitedMailer', () => {
  it('spaces concurrent sends to the configured rate', async () => {
    let clock = 1_000;
    const sentAt: number[] = [];
    const inner: Mailer = { send: async () => (sentAt.push(clock), 'id') };
    const waits: number[] = [];
    const mailer = new RateLimitedMailer(inner, 4, () => clock, async (ms) => {
      waits.push(ms);
    });
    const mail = { subject: 's', text: 't', html: 'h', attachments: [] };

    await Promise.all([1, 2, 3, 4, 5].map(() => mailer.send({ from: 'a@x', to: 'b@x' }, mail, { mailId: 'mail-1', eventId: 'event-1' })));

    expect(waits).toEqual([250, 500, 750, 1000]);
    expect(sentAt).toHaveLength(5);
  });

  it('does not wait when sends are already slower than the rate', async () => {
    let clock = 0;
    const waits: number[] = [];
    const mailer = new RateLimitedMailer({ send: async () => 'id' }, 10, () => clock, async (ms) => {
      waits.push(ms);
    });
    const mail = { subject: 's', text: 't', html: 'h', attachments: [] };

    await mailer.send({ from: 'a@x', to: 'b@x' }, mail, { mailId: 'mail-1', eventId: 'event-1' });
    clock += 500;
    await mailer.send({ from: 'a@x', to: 'b@x' }, mail, { mailId: 'mail-1', eventId: 'event-1' });

    expect(waits).toEqual([]);
  });
});
