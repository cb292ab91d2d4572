import { EventRepository } from './adapters/dynamo/event-repository';
import { MailOutbox } from './adapters/dynamo/mail-outbox';
import { RegistrationRepository } from './adapters/dynamo/registration-repository';
import { SesMailer } from './adapters/ses-mailer';
import { systemClock, type EventsDeps, type MailDeps, type RegistrationDeps } from './use-cases/deps';

/** Real adapters for the use cases, built once per cold start by each handler. */
export const eventsDeps = (tableName: string): EventsDeps => ({ events: new EventRepository(tableName), clock: systemClock });

export const registrationDeps = (tableName: string): RegistrationDeps => ({
  ...eventsDeps(tableName),
  registrations: new RegistrationRepository(tableName),
});

export const mailDeps = (tableName: string, mailFrom: string): MailDeps => ({
  ...registrationDeps(tableName),
  outbox: new MailOutbox(tableName),
  mailer: new SesMailer(),
  mailFrom,
});
