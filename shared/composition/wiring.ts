import { EventBridgePublisher } from '../adapters/event-bus';
import { EventRepository } from '../adapters/dynamo/event-repository';
import { CertificateRepository } from '../adapters/dynamo/certificate-repository';
import { MailOutbox } from '../adapters/dynamo/mail-outbox';
import { MailingRepository } from '../adapters/dynamo/mailing-repository';
import { RegistrationRepository } from '../adapters/dynamo/registration-repository';
import type { TableChangesDeps } from '../use-cases/table-changes';
import { systemClock, type EventsDeps, type RegistrationDeps, type SchedulingDeps } from '../use-cases/deps';

/** Real adapters for the use cases, built once per cold start by each handler. */
export const eventsDeps = (tableName: string): EventsDeps => ({ events: new EventRepository(tableName), clock: systemClock });

export const registrationDeps = (tableName: string): RegistrationDeps => ({
  ...eventsDeps(tableName),
  registrations: new RegistrationRepository(tableName),
});

export const schedulingDeps = (tableName: string): RegistrationDeps & SchedulingDeps => ({
  ...registrationDeps(tableName),
  mailings: new MailingRepository(tableName),
});

/** What a person's own data download reads: the registration and its certificate. */
export const dataRightsDeps = (tableName: string) => ({
  ...registrationDeps(tableName),
  certificates: new CertificateRepository(tableName),
});

/** What turns mailings into outbox mail: scheduling, the outbox itself and certificates. */
export const mailingDeps = (tableName: string, retryBaseSeconds: number) => ({
  ...schedulingDeps(tableName),
  outbox: new MailOutbox(tableName, retryBaseSeconds),
  certificates: new CertificateRepository(tableName),
});

/** What the table's second stream reader needs: promotion's registrations and the bus it publishes state changes to. */
export const tableChangesDeps = (tableName: string, eventBusName: string): TableChangesDeps => ({
  ...registrationDeps(tableName),
  publisher: new EventBridgePublisher(eventBusName),
});
