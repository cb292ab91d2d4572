import type { CertificateRepository } from '../adapters/dynamo/certificate-repository';
import type { MailingRepository } from '../adapters/dynamo/mailing-repository';
import { isCertificateEligible, verificationView, type CertificateAudience } from '../domain/certificate';
import { Conflict, NotFound } from '../domain/errors';
import { certificatesMailing } from '../domain/mailing';
import type { RegistrationDeps } from './deps';
import { newId } from './deps';
import { findOwnRegistration } from './cancel';
import { requireOwnedEvent } from './owned-event';

export interface CertificateDeps extends RegistrationDeps {
  certificates: CertificateRepository;
  mailings: MailingRepository;
}

export interface CertificateRequest {
  include: CertificateAudience;
  resend?: boolean;
  registrationIds?: string[];
}

/**
 * Starts mailing certificates once the event is over. The mailing is a job like a reminder; its
 * mails have one id per registration, so triggering again mails nobody twice, while a resend
 * to named registrations is a mailing of its own.
 */
export async function requestCertificates(deps: CertificateDeps, organisationId: string, eventId: string, request: CertificateRequest) {
  const event = await requireOwnedEvent(deps, organisationId, eventId);
  const now = deps.clock.now();
  if (now.toISOString() < event.endsAt) throw new Conflict('event-not-ended', 'The event has not ended', 'Certificates can be sent once the event has ended.');
  if (!event.certificate.enabled) throw new Conflict('certificates-disabled', 'No certificate for this event', 'Certificates are switched off for this event.');
  const named = request.resend ? new Set(request.registrationIds ?? []) : undefined;
  const registrations = await deps.registrations.listByEvent(eventId);
  const total = registrations.filter(
    (registration) => (named ? named.has(registration.registrationId) && registration.status === 'confirmed' : isCertificateEligible(registration, request.include)),
  ).length;
  const jobId = `certificates-${newId()}`;
  await deps.mailings.schedule(
    named ? certificatesMailing(eventId, jobId, 'confirmed', now, [...named]) : certificatesMailing(eventId, jobId, request.include, now),
  );
  return { total };
}

export async function certificateStatus(deps: CertificateDeps, organisationId: string, eventId: string) {
  await requireOwnedEvent(deps, organisationId, eventId);
  const issued = await deps.certificates.ofEvent(eventId);
  const statuses = await deps.certificates.mailStatuses(issued.map((certificate) => certificate.mailId));
  const count = (wanted: string[]) => statuses.filter((status) => wanted.includes(status)).length;
  return { total: issued.length, sent: count(['sent']), failed: count(['failed', 'suppressed']), pending: count(['pending', 'sending']) };
}

export async function verifyCertificate(deps: Pick<CertificateDeps, 'certificates'>, certificateNumber: string) {
  const certificate = await deps.certificates.byNumber(certificateNumber.toUpperCase());
  if (!certificate) throw new NotFound('A certificate with this number');
  return verificationView(certificate);
}

/** The participant's own certificate, with the token from their mail. */
export async function ownCertificate(deps: CertificateDeps, registrationId: string, token: string | undefined) {
  const registration = await findOwnRegistration(deps, registrationId, token);
  const certificate = await deps.certificates.ofRegistration(registration.eventId, registrationId);
  if (!certificate) throw new NotFound('A certificate for this registration');
  return certificate;
}

export const verificationUrl = (publicBaseUrl: string, certificateNumber: string) => `${publicBaseUrl}/certificates/${certificateNumber}`;
