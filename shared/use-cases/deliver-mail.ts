import { carriesPersonalLink, suppressionOf } from '../domain/mail';
import { hashAccessToken, newAccessToken, personalPageUrl } from '../domain/personal-link';
import { asciiEmail } from '../domain/registration';
import { renderMail } from '../mail/templates';
import { privacyPagePath } from '../pages/privacy-page';
import { BUSINESS_METRICS, count } from '../observability/metrics';
import type { MailDeps } from './deps';
import { waitlistPositionOf } from './registrations';

export type DeliveryOutcome = 'sent' | 'already-handled' | 'retry-scheduled' | 'parked' | 'suppressed';

const reasonOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));


/**
 * Claim, render, send, record. The claim makes a redelivered record or a second sweep a
 * no-op. A failed send goes back to the retry queue with backoff (or is parked after its last
 * attempt); nothing here ever undoes the registration the mail is about.
 */
export async function deliverMail(deps: MailDeps, mailId: string): Promise<DeliveryOutcome> {
  const mail = await deps.outbox.claim(mailId, deps.clock.now());
  if (!mail) return 'already-handled';

  let messageId: string;
  try {
    const { event, registration } = await deps.registrations.getWithEvent(mail.eventId, mail.registrationId);
    // A registration deleted meanwhile (a lapsed hold released) takes its pending mail with it.
    if (event && !registration) {
      await deps.outbox.markSuppressed(mail.mailId, 'registration-deleted', deps.clock.now());
      return 'suppressed';
    }
    if (!event || !registration) {
      return parkedCounted(await deps.outbox.releaseAfterFailure(mail, 'The event no longer exists', deps.clock.now(), { permanent: true }));
    }
    const suppression = suppressionOf(mail.kind, registration);
    if (suppression) {
      await deps.outbox.markSuppressed(mail.mailId, suppression, deps.clock.now());
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
    return parkedCounted(await deps.outbox.releaseAfterFailure(mail, reasonOf(error), deps.clock.now()));
  }
  await deps.outbox.markSent(mailId, messageId, deps.clock.now());
  count(BUSINESS_METRICS.mailsSent);
  await deps.registrations.recordMailSent(mail.registrationId, mail.kind, deps.clock.now());
  return 'sent';
}

function parkedCounted<T extends DeliveryOutcome>(outcome: T): T {
  if (outcome === 'parked') count(BUSINESS_METRICS.mailsParked);
  return outcome;
}

/** The retry sweep: every mail whose next attempt is due, until the time budget runs out. */
export async function retryDueMail(deps: MailDeps, options: { limit: number; stopBy: number }): Promise<Record<DeliveryOutcome, number>> {
  const tally: Record<DeliveryOutcome, number> = { sent: 0, 'already-handled': 0, 'retry-scheduled': 0, parked: 0, suppressed: 0 };
  for (const due of await deps.outbox.dueForRetry(deps.clock.now(), options.limit)) {
    if (Date.now() >= options.stopBy) break;
    if (due.status === 'sending') {
      if (await deps.outbox.parkInterrupted(due, deps.clock.now())) tally[parkedCounted('parked')]++;
      continue;
    }
    tally[await deliverMail(deps, due.mailId)]++;
  }
  return tally;
}
