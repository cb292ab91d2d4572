import { EventRepository } from './adapters/dynamo/event-repository';
import { RegistrationRepository } from './adapters/dynamo/registration-repository';
import { systemClock, type EventsDeps, type RegistrationDeps } from './use-cases/deps';

/** Real adapters for the use cases, built once per cold start by each handler. */
export const eventsDeps = (tableName: string): EventsDeps => ({ events: new EventRepository(tableName), clock: systemClock });

export const registrationDeps = (tableName: string): RegistrationDeps => ({
  ...eventsDeps(tableName),
  registrations: new RegistrationRepository(tableName),
});
