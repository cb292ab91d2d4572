/**
 * The request and response shapes of the API, as the console uses them. Hand-written from the
 * handlers; every type the console exchanges with the API lives here (and only here), so they
 * can be replaced wholesale by types generated from `/openapi.json`.
 */

export type Language = 'nl' | 'en';
export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface Venue {
  name: string;
  address?: string;
  onlineUrl?: string;
}

export interface ProgrammeItem {
  /** ISO 8601 with offset. */
  startsAt: string;
  title: string;
  speaker?: string;
}

export interface CertificateSettings {
  enabled: boolean;
  hours?: number;
  organiserName?: string;
  signatoryName?: string;
  signatoryTitle?: string;
  description?: string;
}

/** `POST /admin/events`. Times are ISO 8601 with an offset; the server keeps them in UTC. */
export interface CreateEventRequest {
  title: string;
  description?: string;
  startsAt: string;
  endsAt: string;
  timeZone?: string;
  venue: Venue;
  capacity: number;
  waitlistEnabled?: boolean;
  registrationOpensAt?: string;
  registrationClosesAt?: string;
  language?: Language;
  programme?: ProgrammeItem[];
  /** ISO 8601 durations before the start, like `P7D` or `PT2H`. */
  reminders?: string[];
  promotionCutoff?: string;
  certificate?: Partial<CertificateSettings>;
}

/** `PATCH /admin/events/{id}`: any subset; `registrationOpensAt: null` removes the opening time. */
export type UpdateEventRequest = Partial<Omit<CreateEventRequest, 'registrationOpensAt'>> & { registrationOpensAt?: string | null };

/** An event as organisers see it (`GET /admin/events/{id}`, and each item of `GET /admin/events`). */
export interface AdminEvent {
  id: string;
  organisationId: string;
  title: string;
  description?: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: Venue;
  capacity: number;
  waitlistEnabled: boolean;
  registrationOpensAt?: string;
  registrationClosesAt: string;
  language: Language;
  programme: ProgrammeItem[];
  promotionCutoff: string;
  reminders: string[];
  certificate: CertificateSettings;
  createdAt: string;
  updatedAt: string;
  cancelledAt?: string;
  counts: { confirmed: number; waitlisted: number; cancelled: number };
}

export interface EventList {
  items: AdminEvent[];
}

/** `GET /events/{id}`: what anyone may see (used where a door account may not read the admin view). */
export interface PublicEvent {
  id: string;
  title: string;
  description?: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: Venue;
  language: Language;
  cancelled?: boolean;
  capacity: number;
  seatsAvailable: number;
  waitlistOpen: boolean;
  registrationOpen: boolean;
}

/** One row of `GET /admin/events/{id}/registrations` (JSON; `Accept: text/csv` gives the same as CSV). */
export interface Registration {
  registrationId: string;
  name: string;
  email: string;
  organisation?: string;
  role?: string;
  language: Language;
  status: RegistrationStatus;
  waitlistPosition?: number;
  createdAt: string;
  checkedInAt?: string;
  accessibilityNeeds?: string;
  dietaryNeeds?: string;
}

export interface RegistrationList {
  items: Registration[];
}

/** `POST /admin/events/{id}/registrations/{rid}/cancel`. */
export interface CancelledRegistration {
  status: 'cancelled';
}

/** One person on `GET /admin/events/{id}/door-list` (everyone with a seat). */
export interface DoorListItem {
  registrationId: string;
  name: string;
  /** `XXXX-XXXX`, as in the mail and its QR code. */
  checkInCode: string;
  status: RegistrationStatus;
  checkedInAt?: string;
}

export interface DoorList {
  items: DoorListItem[];
}

/** `POST /admin/events/{id}/check-in` body. Any case, dash optional. */
export interface CheckInByCodeRequest {
  code: string;
}

/** Answer of check-in by code, by id, and of undoing one. */
export interface CheckInResult {
  registrationId: string;
  name: string;
  status: RegistrationStatus;
  checkedInAt?: string;
}

export type CertificateAudience = 'attended' | 'confirmed';

/** `POST /admin/events/{id}/certificates`. */
export type CertificateRequest = { include: CertificateAudience } | { resend: true; registrationIds: string[] };

/** 202 answer of a certificate request: how many certificates this request mails. */
export interface CertificateRequestAccepted {
  total: number;
}

/** `GET /admin/events/{id}/certificates`. */
export interface CertificateStatus {
  total: number;
  sent: number;
  failed: number;
  pending: number;
}

export type MailKind =
  | 'registration-confirmed'
  | 'registration-waitlisted'
  | 'registration-cancelled'
  | 'registration-promoted'
  | 'reminder'
  | 'event-moved'
  | 'event-cancelled'
  | 'certificate';

/** One mail of `GET /admin/events/{id}/failed-mail`, given up on after every retry. */
export interface FailedMail {
  mailId: string;
  kind: MailKind;
  registrationId: string;
  attempts: number;
  lastError?: string;
  createdAt: string;
}

export interface FailedMailList {
  items: FailedMail[];
}

export type ReminderState = 'scheduled' | 'sending' | 'sent' | 'skipped';

/** One reminder of `GET /admin/events/{id}/reminders`. */
export interface Reminder {
  /** ISO 8601 duration before the start. */
  offset?: string;
  dueAt: string;
  dueAtLocal: string;
  timeZone: string;
  state: ReminderState;
  sent: number;
}

export interface ReminderList {
  items: Reminder[];
}

/** RFC 9457 problem details (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export interface FieldError {
  /** A dotted path into the request body: `venue.name`, `programme.0.title`. */
  field: string;
  message: string;
}

/** `GET /console/config.json`: where to sign in. */
export interface ConsoleConfig {
  /** Base URL of the authorization server (Cognito managed login, or the local stand-in). */
  authority: string;
  clientId: string;
  redirectUri: string;
}

/** The authorization server's token endpoint answer (`POST <authority>/oauth2/token`). */
export interface TokenResponse {
  id_token?: string;
  access_token: string;
  token_type: string;
  expires_in: number;
}

/** The ID token claims the console reads. */
export interface IdTokenClaims {
  exp: number;
  email?: string;
  nonce?: string;
  'cognito:groups'?: string[];
  'custom:organisationId'?: string;
}
