import type { EventRecord, Language, Placement } from './event';

export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface RegistrationInput {
  name: string;
  email: string;
  organisation?: string;
  role?: string;
  language?: Language;
  accessibilityNeeds?: string;
  dietaryNeeds?: string;
  consent: true;
}

export interface Registration {
  registrationId: string;
  eventId: string;
  name: string;
  email: string;
  organisation?: string;
  role?: string;
  language: Language;
  accessibilityNeeds?: string;
  dietaryNeeds?: string;
  status: RegistrationStatus;
  createdAt: string;
  consentedAt: string;
  cancelledAt?: string;
  promotedAt?: string;
  /** SHA-256 hashes of the access tokens sent in this person's mails; see personal-link.ts. */
  accessTokenHashes?: string[];
  /** When the table deletes this registration (DynamoDB TTL). */
  retainUntil: string;
}

/** What the participant's personal page shows; never another person's data. */
export function participantView(registration: Registration, waitlistPosition: number | undefined) {
  return {
    registrationId: registration.registrationId,
    eventId: registration.eventId,
    status: registration.status,
    ...(registration.status === 'waitlisted' && waitlistPosition ? { waitlistPosition } : {}),
  };
}

/** Personal data is kept this long after the event ends, then deleted (the promise in the form). */
export const RETENTION_AFTER_EVENT_DAYS = 365;

export const retentionEnd = (event: Pick<EventRecord, 'endsAt'>): string =>
  new Date(Date.parse(event.endsAt) + RETENTION_AFTER_EVENT_DAYS * 86_400_000).toISOString();

/** Addresses differ only in case as far as people are concerned; one registration per person. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function newRegistration(
  input: RegistrationInput,
  event: EventRecord,
  registrationId: string,
  placement: Placement,
  now: Date,
): Registration {
  const at = now.toISOString();
  return {
    registrationId,
    eventId: event.id,
    name: input.name.trim(),
    email: input.email.trim(),
    organisation: input.organisation,
    role: input.role,
    language: input.language ?? event.language,
    accessibilityNeeds: input.accessibilityNeeds,
    dietaryNeeds: input.dietaryNeeds,
    status: placement,
    createdAt: at,
    consentedAt: at,
    retainUntil: retentionEnd(event),
  };
}
