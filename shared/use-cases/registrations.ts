import type { Registration } from '../domain/registration';
import type { EventsDeps, RegistrationDeps } from './deps';
import { requireOwnedEvent } from './owned-event';

export interface RegistrationListItem {
  registrationId: string;
  name: string;
  email: string;
  organisation?: string;
  role?: string;
  language: Registration['language'];
  status: Registration['status'];
  waitlistPosition?: number;
  createdAt: string;
  checkedInAt?: string;
  accessibilityNeeds?: string;
  dietaryNeeds?: string;
}

export async function listRegistrations(deps: RegistrationDeps, organisationId: string, eventId: string): Promise<RegistrationListItem[]> {
  await requireOwnedEvent(deps, organisationId, eventId);
  const [order, registrations] = await Promise.all([deps.events.seats.waitingOrder(eventId), deps.registrations.listByEvent(eventId)]);
  const positions = new Map(order.map((registrationId, index) => [registrationId, index + 1]));
  return registrations
    .map((registration) => ({
      registrationId: registration.registrationId,
      name: registration.name,
      email: registration.email,
      organisation: registration.organisation,
      role: registration.role,
      language: registration.language,
      status: registration.status,
      waitlistPosition: positions.get(registration.registrationId),
      createdAt: registration.createdAt,
      checkedInAt: registration.checkedInAt,
      accessibilityNeeds: registration.accessibilityNeeds,
      dietaryNeeds: registration.dietaryNeeds,
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.registrationId.localeCompare(b.registrationId));
}

/** What door staff see of a person: enough to recognise and check them in, nothing more. */
export interface DoorListItem {
  /** The handle for checking in and out by id. */
  registrationId: string;
  name: string;
  checkInCode: string;
  status: Registration['status'];
  checkedInAt?: string;
}

/** Everyone with a seat, by name: the list at the door. */
export async function doorList(deps: RegistrationDeps, organisationId: string, eventId: string): Promise<DoorListItem[]> {
  await requireOwnedEvent(deps, organisationId, eventId);
  const registrations = await deps.registrations.listByEvent(eventId);
  return registrations
    .filter((registration) => registration.status === 'confirmed')
    .map((registration) => ({
      registrationId: registration.registrationId,
      name: registration.name,
      checkInCode: registration.checkInCode,
      status: registration.status,
      ...(registration.checkedInAt ? { checkedInAt: registration.checkedInAt } : {}),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }) || a.registrationId.localeCompare(b.registrationId));
}

/** Where a waiting person stands now; undefined for anyone not waiting. */
export async function waitlistPositionOf(deps: EventsDeps, registration: Registration): Promise<number | undefined> {
  if (registration.status !== 'waitlisted' || registration.waitlistSeq === undefined) return undefined;
  return deps.events.seats.positionOf(registration.eventId, registration.waitlistSeq);
}
