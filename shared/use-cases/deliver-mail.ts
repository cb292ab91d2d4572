import { carriesPersonalLink, suppressionOf } from '../domain/mail';
import { hashAccessToken, newAccessToken, personalPageUrl } from '../domain/personal-link';
import { asciiEmail } from '../domain/registration';
import { renderMail } from '../mail/templates';
import { privacyPagePath } from '../pages/privacy-page';
import { logger } from '../observability/logger';
import { BUSINESS_METRICS, count } from '../observability/metrics';
import { retryTransient } from '../adapters/aws-errors';
import type { MailDeps } from './deps';
import { waitlistPositionOf } from './registrations';

export type DeliveryOutcome = 'sent' | 'already-handled' | 'retry-scheduled' | 'parked' | 'suppressed';

const reasonOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Attempts at writing down what already happened to a claimed mail (about 2.5 s of backoff at most). */
const RECORDING_ATTEMPTS = 8;

/**
 * Writes down what already happened to a claimed mail: SES accepted it (sent), it failed (back to
 * the retry queue, or parked), or it must not go out (suppressed). Such a write cannot be given
 * up on a throttle or a timeout: the claim would stay `sending` until its lease ends, and the
 * sweep would then park as "may or may not have arrived" a mail that was delivered, or one that
 * was never sent and should have been tried again. So a transient failure (throttling, a timeout,
 * a 5xx) is tried again with backoff; the send itself never is. Each write is idempotent (see
 * MailOutbox), so one that went through before its answer was lost is not an error when retried.
 */
const recorded = <T>(write: () => Promise<T>): Promise<T> => retryTransient(write, RECORDING_ATTEMPTS);

/**
 * Claim, render, send, record. The claim makes a redelivered record or a second sweep a
 * no-op. A failed send goes back to the retry queue with backoff (or is parked after its last
 * attempt); nothing here ever undoes the registration the mail is about.
 */
export async function deliverMail(deps: MailDeps, mailId: string): Promise<DeliveryOutcome> {
  const mail = await deps.outbox.claim(mailId, deps.clock.now());
  if (!mail) return 'already-handled';
  const at = deps.clock.now();

  let messageId: string;
  try {
    const { event, registration } = await deps.registrations.getWithEvent(mail.eventId, mail.registrationId);
    // A registration deleted meanwhile (a lapsed hold released) takes its pending mail with it.
    if (event && !registration) {
      await recorded(() => deps.outbox.markSuppressed(mail.mailId, 'registration-deleted', at));
      return 'suppressed';
    }
    if (!event || !registration) {
      return parkedCounted(await recorded(() => deps.outbox.releaseAfterFailure(mail, 'The event no longer exists', at, { permanent: true })));
    }
    const suppression = suppressionOf(mail.kind, registration);
    if (suppression) {
      await recorded(() => deps.outbox.markSuppressed(mail.mailId, suppression, at));
      if (suppression === 'address-bounced' || suppression === 'address-complained') {
        count(BUSINESS_METRICS.mailsSuppressed);
        await Promise.all([deps.events.activity.countMailOutcome(mail.eventId, 'suppressed'), deps.registrations.markMailSuppressed(registration.registrationId)]);
      }
      return 'suppressed';
    }
    let link: string | undefined;
    if (carriesPersonalLink(mail.kind)) {
      // A fresh token per mail: only its hash is stored, so the link exists only in this mail.
      const token = newAccessToken();
      await deps.registrations.addAccessTokenHash(registration.registrationId, hashAccessToken(token));
      link = personalPageUrl(deps.publicBaseUrl, registration.registrationId, token);
    }
    const extras = await deps.extras?.(mail, event, registration);
    const message = mail.kind === 'message' && mail.messageId ? await deps.messages?.messageOf(mail.eventId, mail.messageId) : undefined;
    if (mail.kind === 'message' && !message) throw new Error(`No text found for message ${mail.messageId ?? '(none)'}`);
    if (mail.kind === 'certificate' && !extras) throw new Error('This function cannot render certificates');
    const rendered = renderMail(mail.kind, {
      event,
      registration,
      waitlistPosition: await waitlistPositionOf(deps, registration),
      personalLink: link,
      offerRelease: mail.offerRelease,
      verificationUrl: extras?.verificationUrl,
      privacyUrl: `${deps.publicBaseUrl}${privacyPagePath(event.id, registration.language)}`,
      message,
    });
    rendered.attachments.push(...(extras?.attachments ?? []));
    messageId = await deps.mailer.send({ from: deps.mailFrom, to: asciiEmail(registration.email) }, rendered, { mailId: mail.mailId, eventId: mail.eventId });
  } catch (error) {
    const failedAt = deps.clock.now();
    return parkedCounted(await recorded(() => deps.outbox.releaseAfterFailure(mail, reasonOf(error), failedAt)));
  }
  // SES has the mail: from here on nothing may send it again, and what is recorded must say it was sent.
  const sentAt = deps.clock.now();
  await recorded(() => deps.outbox.markSent(mailId, messageId, sentAt));
  count(BUSINESS_METRICS.mailsSent);
  await recorded(() => deps.registrations.recordMailSent(mail.registrationId, mail.kind, sentAt));
  return 'sent';
}

function parkedCounted<T extends DeliveryOutcome>(outcome: T): T {
  if (outcome === 'parked') count(BUSINESS_METRICS.mailsParked);
  return outcome;
}

export type SweepTally = Record<DeliveryOutcome | 'unhandled', number>;

/**
 * The retry sweep: every mail whose next attempt is due, until the time budget runs out. A mail
 * that cannot be handled now (DynamoDB throttled its claim) is logged and counted as `unhandled`;
 * it stays due, so the next run takes it, and it holds up none of the mails after it.
 */
export async function retryDueMail(deps: MailDeps, options: { limit: number; stopBy: number }): Promise<SweepTally> {
  const tally: SweepTally = { sent: 0, 'already-handled': 0, 'retry-scheduled': 0, parked: 0, suppressed: 0, unhandled: 0 };
  for (const due of await deps.outbox.dueForRetry(deps.clock.now(), options.limit)) {
    if (Date.now() >= options.stopBy) break;
    try {
      if (due.status === 'sending') {
        if (await deps.outbox.parkInterrupted(due, deps.clock.now())) tally[parkedCounted('parked')]++;
        continue;
      }
      tally[await deliverMail(deps, due.mailId)]++;
    } catch (error) {
      tally.unhandled++;
      logger.error('Due mail not handled; the next sweep takes it again', { mailId: due.mailId, eventId: due.eventId, error });
    }
  }
  return tally;
}
