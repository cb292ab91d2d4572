import type { RenderedMail } from '../mail/templates';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Envelope, Mailer, MailReference } from './ses-mailer';


/**
 * Spaces sends so this function instance never exceeds `ratePerSecond`, as SES's sending quota
 * demands. Each send reserves the next free slot before it waits, so concurrent sends queue up
 * instead of bursting together.
 */
export class RateLimitedMailer implements Mailer {
  private nextSlot = 0;
  private readonly intervalMs: number;

  constructor(
    private readonly inner: Mailer,
    ratePerSecond: number,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<unknown> = (ms) => sleep(ms),
  ) {
    this.intervalMs = 1000 / ratePerSecond;
  }

  async send(envelope: Envelope, mail: RenderedMail, reference: MailReference): Promise<string> {
    const slot = Math.max(this.now(), this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    const delay = slot - this.now();
    if (delay > 0) await this.wait(delay);
    return this.inner.send(envelope, mail, reference);
  }
}
