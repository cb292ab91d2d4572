/**
 * The request and response shapes of the API, as the console uses them: names for the types
 * generated from `/openapi.json` (`generated/api.d.ts`, by `npm run -s openapi:types`), so a
 * change of the API's contract is a type error here, not a surprise in the browser. Only what
 * is not the API's (the console's own config, the sign-in's token answer) is written by hand.
 */
import type { components } from './generated/api';

type Schemas = components['schemas'];

export type Language = Schemas['AdminEvent']['language'];
export type RegistrationStatus = Schemas['RegistrationListItem']['status'];

export type Venue = Schemas['Venue'];
export type ProgrammeItem = Schemas['ProgrammeItem'];
export type CertificateSettings = Schemas['CertificateSettings'];

/** `POST /admin/events`. Times are ISO 8601 with an offset; the server keeps them in UTC. */
export type CreateEventRequest = Schemas['CreateEvent'];
/** `PATCH /admin/events/{id}`: any subset; `registrationOpensAt: null` removes the opening time. */
export type UpdateEventRequest = Schemas['UpdateEvent'];

/** An event as organisers see it (`GET /admin/events/{id}`, and each item of `GET /admin/events`). */
export type AdminEvent = Schemas['AdminEvent'];
export type EventList = Schemas['AdminEventList'];

/** `GET /events/{id}`: what anyone may see (used where a door account may not read the admin view). */
export type PublicEvent = Schemas['PublicEvent'];

/** One row of `GET /admin/events/{id}/registrations` (JSON; `Accept: text/csv` gives the same as CSV). */
export type Registration = Schemas['RegistrationListItem'];
export type RegistrationList = Schemas['RegistrationList'];
/** What became of the latest mail to a registration, as SES reported it. */
export type MailStatus = NonNullable<Registration['mailStatus']>;
/** Why no more mail goes to a registration's address. */
export type UndeliverableReason = NonNullable<Registration['addressUndeliverable']>;
export type EmailConfirmation = Schemas['AdminEvent']['emailConfirmation'];

/** `POST /admin/events/{id}/registrations/{rid}/confirm`: confirmed on the person's behalf. */
export type AddressConfirmation = Schemas['AddressConfirmation'];
/** `PUT /admin/events/{id}/registrations/{rid}/email`. */
export type CorrectAddressRequest = Schemas['CorrectAddress'];

/** `POST /admin/events/{id}/registrations/{rid}/cancel`. */
export type CancelledRegistration = Schemas['Cancellation'];

/** `DELETE /admin/events/{id}/registrations/{rid}`: the person's data erased at their request. */
export type Erasure = Schemas['Erasure'];

/** `GET /admin/events/{id}/needs-summary[?names=true]`: the needs of the people with a seat, grouped for the caterer and the venue. */
export type NeedsSummary = Schemas['NeedsSummary'];

/** One person on `GET /admin/events/{id}/door-list` (everyone with a seat). */
export type DoorListItem = Schemas['DoorListItem'];
export type DoorList = Schemas['DoorList'];
/** `GET /admin/door-events`: the organisation's events whose door a door account may open. */
export type DoorEventList = Schemas['DoorEventList'];

/** `POST /admin/events/{id}/check-in` body. Any case, dash optional. */
export type CheckInByCodeRequest = Schemas['CheckInByCode'];
/** Answer of check-in by code, by id, and of undoing one. */
export type CheckInResult = Schemas['CheckIn'];

export type CertificateAudience = NonNullable<Schemas['RequestCertificates']['include']>;
/** `POST /admin/events/{id}/certificates`. */
export type CertificateRequest = Schemas['RequestCertificates'];
/** 202 answer of a certificate request: how many certificates this request mails. */
export type CertificateRequestAccepted = Schemas['CertificatesRequested'];
/** `GET /admin/events/{id}/certificates`. */
export type CertificateStatus = Schemas['CertificateStatus'];

export type MailKind = Schemas['ParkedMail']['kind'];
/** One mail of `GET /admin/events/{id}/failed-mail`, given up on after every retry. */
export type FailedMail = Schemas['ParkedMail'];
export type FailedMailList = Schemas['ParkedMailList'];

export type ReminderState = Schemas['Reminder']['state'];
/** One reminder of `GET /admin/events/{id}/reminders`. */
export type Reminder = Schemas['Reminder'];
export type ReminderList = Schemas['ReminderList'];

/** RFC 9457 problem details (`application/problem+json`). */
export type Problem = Schemas['Problem'];
export type FieldError = NonNullable<Problem['errors']>[number];

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
