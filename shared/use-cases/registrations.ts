import { questionsOf } from '../domain/event';
import type { Answers } from '../domain/questions';
import { confirmationDeadline, isUnconfirmed, visibleStatus, type Registration, type VisibleStatus } from '../domain/registration';
import { AlreadyRegistered, Conflict, NotFound } from '../domain/errors';
import { mailFor } from '../domain/mail';
import { newId, type EventsDeps, type RegistrationDeps } from './deps';
import { firstMailOf } from './register';
import { logger } from '../observability/logger';
import { requireOwnedEvent } from './owned-event';

export interface RegistrationListItem {
  registrationId: string;
  name: string;
  email: string;
  organisation?: string;
  role?: string;
  language: Registration['language'];
  status: VisibleStatus;
  waitlistPosition?: number;
  confirmBy?: string;
  createdAt: string;
  checkedInAt?: string;
  accessibilityNeeds?: string;
  dietaryNeeds?: string;
  mailStatus?: Registration['mailStatus'];
  addressUndeliverable?: Registration['addressUndeliverable'];
  erasedAt?: string;
  answers?: Answers;
}

/** One registration as the organiser sees it, in the list, the CSV and after a change. */
export function registrationListItem(registration: Registration, waitlistPosition: number | undefined): RegistrationListItem {
  return {
    registrationId: registration.registrationId,
    // An erased registration keeps its place in the counts, and nothing that says who it was.
    name: registration.name ?? '',
    email: registration.email ?? '',
    organisation: registration.organisation,
    role: registration.role,
    language: registration.language,
    status: visibleStatus(registration),
    waitlistPosition,
    confirmBy: visibleStatus(registration) === 'pending' ? registration.confirmBy : undefined,
    createdAt: registration.createdAt,
    checkedInAt: registration.checkedInAt,
    accessibilityNeeds: registration.accessibilityNeeds,
    dietaryNeeds: registration.dietaryNeeds,
    mailStatus: registration.mailStatus,
    addressUndeliverable: registration.addressUndeliverable,
    ...(registration.erasedAt ? { erasedAt: registration.erasedAt } : {}),
    ...(registration.answers ? { answers: registration.answers } : {}),
  };
}

export async function listRegistrations(deps: RegistrationDeps, organisationId: string, eventId: string): Promise<RegistrationListItem[]> {
  return (await registrationSheet(deps, organisationId, eventId)).items;
}

/** The list with what a spreadsheet of it needs besides: the event's questions, for a column each, in its language. */
export async function registrationSheet(deps: RegistrationDeps, organisationId: string, eventId: string) {
  const event = await requireOwnedEvent(deps, organisationId, eventId);
  const [order, registrations] = await Promise.all([deps.events.seats.waitingOrder(eventId), deps.registrations.listByEvent(eventId)]);
  const positions = new Map(order.map((registrationId, index) => [registrationId, index + 1]));
  const items = registrations
    .map((registration) => registrationListItem(registration, positions.get(registration.registrationId)))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.registrationId.localeCompare(b.registrationId));
  return { items, questions: questionsOf(event), language: event.language };
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
    // An unconfirmed hold is nobody the door knows: they never got their code.
    .filter((registration) => visibleStatus(registration) === 'confirmed')
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

const MAX_CORRECTION_ROUNDS = 5;

/**
 * The organiser corrects an address (a typo, a bounced mailbox, a new employer): the
 * registration moves to it, its undeliverable mark goes, and the mail the person should have
 * had goes to the new address: the confirmation request while unconfirmed, else what their
 * registration holds.
 */
export async function correctAddress(deps: RegistrationDeps, organisationId: string, eventId: string, registrationId: string, email: string): Promise<RegistrationListItem> {
  const event = await requireOwnedEvent(deps, organisationId, eventId);
  for (let round = 0; round < MAX_CORRECTION_ROUNDS; round++) {
    const registration = await deps.registrations.get(eventId, registrationId);
    if (!registration) throw new NotFound('This registration');
    if (registration.status === 'cancelled') throw new Conflict('registration-cancelled', 'Registration cancelled', 'This registration is cancelled; nothing is mailed to it any more.');
    const now = deps.clock.now();
    const mail = mailFor(firstMailOf(registration), { eventId, registrationId }, newId(), now);
    // The new address gets a whole window to confirm in.
    const confirmBy = isUnconfirmed(registration) ? confirmationDeadline(event, now) : undefined;
    const outcome = await deps.registrations.correctAddress(registration, { email, confirmBy }, mail, now);
    if (outcome === 'email-taken') throw new AlreadyRegistered();
    if (outcome === 'corrected') {
      const corrected = (await deps.registrations.get(eventId, registrationId))!;
      return registrationListItem(corrected, await waitlistPositionOf(deps, corrected));
    }
  }
  throw new Conflict('registration-changed', 'The registration changed meanwhile', 'The registration changed while the address was being corrected. Please try again.');
}

export interface NeedsSummary {
  /** People with a seat: the ones the day is catered and arranged for. */
  seated: number;
  dietary: Array<{ need: string; count: number; names?: string[] }>;
  accessibility: Array<{ need: string; name?: string }>;
}

/** Dietary needs told apart only by case and spacing are one need: "Vegan", "vegan ". */
const needKey = (need: string) => need.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/**
 * What the caterer and the venue need to know: how many people need what, for the people with a
 * seat, without names unless the organiser asks for them (and then the access is logged,
 * without the names themselves).
 */
export async function needsSummary(deps: RegistrationDeps, organisationId: string, eventId: string, options: { names: boolean; caller: string }): Promise<NeedsSummary> {
  await requireOwnedEvent(deps, organisationId, eventId);
  const seated = (await deps.registrations.listByEvent(eventId)).filter((registration) => registration.status === 'confirmed');
  const dietary = new Map<string, { need: string; count: number; names: string[] }>();
  for (const registration of seated) {
    if (!registration.dietaryNeeds?.trim()) continue;
    const group = dietary.get(needKey(registration.dietaryNeeds)) ?? { need: registration.dietaryNeeds.trim(), count: 0, names: [] };
    group.count++;
    group.names.push(registration.name);
    dietary.set(needKey(registration.dietaryNeeds), group);
  }
  if (options.names) logger.info('Needs read with names', { eventId, organisationId, caller: options.caller, people: seated.length });
  return {
    seated: seated.length,
    dietary: [...dietary.values()]
      .sort((a, b) => b.count - a.count || a.need.localeCompare(b.need, 'nl'))
      .map(({ names, ...group }) => (options.names ? { ...group, names: names.sort((a, b) => a.localeCompare(b, 'nl')) } : group)),
    accessibility: seated
      .filter((registration) => registration.accessibilityNeeds?.trim())
      .map((registration) => ({ need: registration.accessibilityNeeds!.trim(), ...(options.names ? { name: registration.name } : {}) }))
      .sort((a, b) => a.need.localeCompare(b.need, 'nl')),
  };
}
