import { randomBytes } from 'node:crypto';
import type { EventRecord, Language } from './event';
import type { Registration } from './registration';

/** What a certificate of attendance states; public by design, so nothing beyond its face. */
export interface Certificate {
  certificateNumber: string;
  eventId: string;
  registrationId: string;
  holderName: string;
  eventTitle: string;
  /** The event's date in its own time zone (YYYY-MM-DD). */
  eventDate: string;
  language: Language;
  hours?: number;
  organiserName?: string;
  signatoryName?: string;
  signatoryTitle?: string;
  description?: string;
  issuedAt: string;
}

export type CertificateAudience = 'attended' | 'confirmed';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Ten characters of Crockford base32 (50 random bits), as XXXXX-XXXXX: not guessable in sequence. */
export function newCertificateNumber(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((byte) => CROCKFORD[byte % 32]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function isCertificateEligible(registration: Registration, audience: CertificateAudience): boolean {
  if (registration.status !== 'confirmed') return false;
  return audience === 'confirmed' || Boolean(registration.checkedInAt);
}

export function localDate(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
  return parts;
}

export function certificateFor(event: EventRecord, registration: Registration, certificateNumber: string, now: Date): Certificate {
  return {
    certificateNumber,
    eventId: event.id,
    registrationId: registration.registrationId,
    holderName: registration.name,
    eventTitle: event.title,
    eventDate: localDate(event.startsAt, event.timeZone),
    language: registration.language,
    hours: event.certificate.hours,
    organiserName: event.certificate.organiserName,
    signatoryName: event.certificate.signatoryName,
    signatoryTitle: event.certificate.signatoryTitle,
    description: event.certificate.description,
    issuedAt: now.toISOString(),
  };
}

/** The public answer to "is this certificate real?": its face, nothing more. */
export const verificationView = (certificate: Certificate) => ({
  valid: true as const,
  certificateNumber: certificate.certificateNumber,
  holderName: certificate.holderName,
  eventTitle: certificate.eventTitle,
  eventDate: certificate.eventDate,
  issuedAt: certificate.issuedAt,
});
