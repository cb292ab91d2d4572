import { ulid } from 'ulid';
import type { EventRepository } from '../adapters/dynamo/event-repository';
import type { MailOutbox } from '../adapters/dynamo/mail-outbox';
import type { MailFeedbackRepository } from '../adapters/dynamo/mail-feedback-repository';
import type { MailingRepository } from '../adapters/dynamo/mailing-repository';
import type { RegistrationRepository } from '../adapters/dynamo/registration-repository';
import type { Mailer } from '../adapters/ses-mailer';
import type { EventRecord } from '../domain/event';
import type { OutboxMail } from '../domain/mail';
import type { Registration } from '../domain/registration';
import type { MailAttachment } from '../mail/templates';

/** What use cases need from the outside world; handlers wire real adapters, tests fakes or mocks. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
export const newId = (): string => ulid();

export interface EventsDeps {
  events: EventRepository;
  clock: Clock;
}

export interface SchedulingDeps extends EventsDeps {
  mailings: MailingRepository;
}

export interface RegistrationDeps extends EventsDeps {
  registrations: RegistrationRepository;
}

export interface FeedbackDeps extends RegistrationDeps {
  feedback: MailFeedbackRepository;
}

export interface MailDeps {
  outbox: MailOutbox;
  events: EventRepository;
  registrations: RegistrationRepository;
  mailer: Mailer;
  mailFrom: string;
  /** Where personal links point: the API's public address. */
  publicBaseUrl: string;
  clock: Clock;
  /** Where a message's mail finds its text (the job's, see domain/message.ts); absent where messages are not sent. */
  messages?: Pick<MailingRepository, 'messageOf'>;
  /** Adds what a mail kind needs beyond its text (the certificate PDF); absent where not sent. */
  extras?: (mail: OutboxMail, event: EventRecord, registration: Registration) => Promise<{ attachments: MailAttachment[]; verificationUrl?: string } | undefined>;
}
