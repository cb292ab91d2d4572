import { Conflict, NotFound } from '../domain/errors';
import { normaliseCheckInCode, type Registration } from '../domain/registration';
import type { RegistrationDeps } from './deps';
import { requireOwnedEvent } from './owned-event';

export interface CheckInView {
  registrationId: string;
  name: string;
  status: Registration['status'];
  checkedInAt?: string;
}

const view = (registration: Registration): CheckInView => ({
  registrationId: registration.registrationId,
  name: registration.name,
  status: registration.status,
  ...(registration.checkedInAt ? { checkedInAt: registration.checkedInAt } : {}),
});

/** Only someone with a seat can be at the door; checking in twice keeps the first time. */
export async function setCheckIn(deps: RegistrationDeps, organisationId: string, eventId: string, registrationId: string, checkedIn: boolean) {
  await requireOwnedEvent(deps, organisationId, eventId);
  const result = await deps.registrations.setCheckedIn(eventId, registrationId, checkedIn, deps.clock.now());
  if (!result) throw new NotFound('This registration');
  if (result === 'not-confirmed') {
    throw new Conflict('not-confirmed', 'No seat to check in', 'Only registrations with a confirmed seat can be checked in.');
  }
  return view(result);
}

export async function checkInByCode(deps: RegistrationDeps, organisationId: string, eventId: string, code: string) {
  await requireOwnedEvent(deps, organisationId, eventId);
  const registrationId = await deps.registrations.findByCheckInCode(eventId, normaliseCheckInCode(code));
  if (!registrationId) throw new NotFound('A registration with this code');
  return setCheckIn(deps, organisationId, eventId, registrationId, true);
}
