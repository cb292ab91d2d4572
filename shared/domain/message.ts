import { createHash } from 'node:crypto';
import type { Language } from './event';
import type { Mailing } from './mailing';
import { visibleStatus, type Registration } from './registration';

/**
 * A message is the organiser's own text to a group of an event's registrations: a mailing of
 * kind `message` (so fan-out, rate and "once per person" are the mailings' and the outbox's),
 * whose job item holds the text. Outbox mails carry only the message's id; the text is read
 * from the job when each mail is rendered (see `messageText`), so a message to a thousand
 * people is stored once, not a thousand times on mail items that every claim, retry and
 * stream record copies.
 */
export const MESSAGE_AUDIENCES = ['confirmed', 'waitlisted', 'attended', 'all'] as const;
export type MessageAudience = (typeof MESSAGE_AUDIENCES)[number];

export const MAX_SUBJECT_CHARACTERS = 200;
export const MAX_BODY_CHARACTERS = 10_000;

/** One text in either language or both; at least one is there (the request schema sees to it). */
export type LocalizedText = Partial<Record<Language, string>>;

export interface MessageContent {
  subject: LocalizedText;
  body: LocalizedText;
  /**
   * A digest of subject, body and audience: a request that repeats an Idempotency-Key with
   * another message is refused, one that repeats it with the same message gets the first answer.
   */
  requestHash: string;
}

/** What the organiser asked for, as the request schema hands it over. */
export interface MessageRequest {
  subject: LocalizedText;
  body: LocalizedText;
  audience: MessageAudience;
}

/** The job id a message gets: from its Idempotency-Key, so a repeated request names the same job. */
export const messageJobId = (idempotencyKey: string | undefined, newId: () => string): string =>
  `message-${idempotencyKey === undefined ? newId() : createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 32)}`;

/** Keys in a fixed order, so equal requests hash alike however their JSON was written. */
export function messageRequestHash(request: MessageRequest): string {
  const canonical = JSON.stringify([request.audience, request.subject.nl ?? null, request.subject.en ?? null, request.body.nl ?? null, request.body.en ?? null]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function messageMailing(eventId: string, jobId: string, request: MessageRequest, now: Date): Mailing {
  const at = now.toISOString();
  return {
    eventId,
    jobId,
    kind: 'message',
    dueAt: at,
    state: 'scheduled',
    sent: 0,
    // Who registers after the request was made is not who the organiser wrote to.
    registeredBefore: at,
    audience: request.audience === 'all' ? 'everyone' : request.audience,
    message: { subject: request.subject, body: request.body, requestHash: messageRequestHash(request) },
    createdAt: at,
  };
}

/**
 * The audience as the organiser sees the list: `confirmed` and `waitlisted` are the statuses
 * shown there (an unconfirmed address is `pending`, in neither), `attended` those checked in,
 * `all` every registration not cancelled. An unconfirmed address in `all` gets a mail that
 * delivery withholds (see suppressionOf), and the counts show it as suppressed.
 */
export function isInAudience(registration: Pick<Registration, 'status' | 'confirmBy' | 'checkedInAt'>, audience: MessageAudience): boolean {
  const status = visibleStatus(registration);
  switch (audience) {
    case 'confirmed':
      return status === 'confirmed';
    case 'waitlisted':
      return status === 'waitlisted';
    case 'attended':
      return status === 'confirmed' && registration.checkedInAt !== undefined;
    case 'all':
      return registration.status !== 'cancelled';
  }
}

/** The language a person reads the message in: theirs if the organiser wrote it, else the other one. */
export function messageText(content: Pick<MessageContent, 'subject' | 'body'>, preferred: Language): { language: Language; subject: string; body: string } {
  const other: Language = preferred === 'nl' ? 'en' : 'nl';
  const language = content.body[preferred] !== undefined && content.subject[preferred] !== undefined ? preferred : other;
  return { language, subject: content.subject[language] ?? '', body: content.body[language] ?? '' };
}

/** A message mailing's audience as the API names it: the mailings' `everyone` is the organiser's `all`. */
export const messageAudienceOf = (mailing: Pick<Mailing, 'audience'>): MessageAudience => (mailing.audience === 'everyone' ? 'all' : mailing.audience);
