import { Conflict, NotFound, ValidationFailed } from '../domain/errors';
import { checkInTime, normaliseCheckInCode, type Registration } from '../domain/registration';
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

/**
 * Only someone with a seat can be at the door. Checking in twice keeps the earliest time, so a
 * check-in made offline at 09:02 and sent at 09:30 wins over one made online at 09:10.
 * `recordedAt`: when the door device recorded it, if it was not sent at once.
 */
export async function setCheckIn(deps: RegistrationDeps, organisationId: string, eventId: string, registrationId: string, checkedIn: boolean, recordedAt?: string) {
  const at = checkInTime(recordedAt, deps.clock.now());
  if (at === 'too-old') throw new ValidationFailed([{ field: 'at', message: 'is more than 48 hours ago: a door list lives that long on a device' }]);
  if (at === 'in-the-future') throw new ValidationFailed([{ field: 'at', message: "is in the future: check the door device's clock" }]);
  await requireOwnedEvent(deps, organisationId, eventId);
  const result = await deps.registrations.setCheckedIn(eventId, registrationId, checkedIn, at);
  if (!result) throw new NotFound('This registration');
  if (result === 'not-confirmed') {
    throw new Conflict('not-confirmed', 'No seat to check in', 'Only registrations with a confirmed seat can be checked in.');
  }
  return view(result);
}

export async function checkInByCode(deps: RegistrationDeps, organisationId: string, eventId: string, code: string, recordedAt?: string) {
  await requireOwnedEvent(deps, organisationId, eventId);
  const registrationId = await deps.registrations.findByCheckInCode(eventId, normaliseCheckInCode(code));
  if (!registrationId) throw new NotFound('A registration with this code');
  return setCheckIn(deps, organisationId, eventId, registrationId, true, recordedAt);
}
