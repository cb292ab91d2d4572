import { DOOR_LIST_LIFETIME_MS } from '../../shared/domain/door';
import type { CheckInResult, DoorListItem } from './api-types';

/**
 * The door list kept on the device, so the door keeps working without a connection: per event
 * only each person's name, check-in code, status, registration id and check-in time, and the
 * check-ins (and undos) made here that the server has not confirmed yet, in the order they
 * were made. The server keeps the first check-in time, so sending one twice is harmless.
 */

export interface PendingChange {
  change: 'check-in' | 'undo';
  registrationId: string;
  /** When it happened on this device (ISO 8601). */
  at: string;
}

export interface StoredDoor {
  eventId: string;
  /** Shown in the list of events kept on this device. */
  title?: string;
  startsAt?: string;
  timeZone?: string;
  /** When the list last came from the server. */
  savedAt?: string;
  items: DoorListItem[];
  pending: PendingChange[];
}

const KEY_PREFIX = 'console.door.';

/**
 * Lists are kept per organisation: another organisation's account signing in on the same
 * device sees none of them.
 */
const prefixOf = (organisationId: string) => `${KEY_PREFIX}${encodeURIComponent(organisationId)}.`;
const keyOf = (organisationId: string, eventId: string) => `${prefixOf(organisationId)}${eventId}`;

/** Nothing but the fields the door needs, whatever the server sends along. */
const doorFields = (item: DoorListItem): DoorListItem => ({
  registrationId: item.registrationId,
  name: item.name,
  checkInCode: item.checkInCode,
  status: item.status,
  ...(item.checkedInAt ? { checkedInAt: item.checkedInAt } : {}),
});

export const emptyDoor = (eventId: string): StoredDoor => ({ eventId, items: [], pending: [] });

/** The names on a list older than its lifetime are dropped; check-ins still to send are kept. */
function withinLifetime(door: StoredDoor, now: number): StoredDoor {
  const savedAt = door.savedAt ? Date.parse(door.savedAt) : Number.NaN;
  return Number.isNaN(savedAt) || now - savedAt <= DOOR_LIST_LIFETIME_MS ? door : { ...door, items: [] };
}

export function loadDoor(storage: Storage, organisationId: string, eventId: string, now = Date.now()): StoredDoor {
  try {
    const text = storage.getItem(keyOf(organisationId, eventId));
    const door = text ? (JSON.parse(text) as StoredDoor) : undefined;
    if (door && door.eventId === eventId && Array.isArray(door.items) && Array.isArray(door.pending)) return withinLifetime(door, now);
  } catch {
    // A damaged entry is as good as none; the server's list replaces it.
  }
  return emptyDoor(eventId);
}

export function saveDoor(storage: Storage, organisationId: string, door: StoredDoor): void {
  if (door.items.length === 0 && door.pending.length === 0) return forgetDoor(storage, organisationId, door.eventId);
  const stored: StoredDoor = { ...door, items: door.items.map(doorFields) };
  storage.setItem(keyOf(organisationId, door.eventId), JSON.stringify(stored));
}

/** A list the server no longer gives this account (the event is gone, or not theirs) leaves the device. */
export function forgetDoor(storage: Storage, organisationId: string, eventId: string): void {
  storage.removeItem(keyOf(organisationId, eventId));
}

/** The organisation's lists on this device; expired ones are cleared on the way. */
export function storedDoors(storage: Storage, organisationId: string, now = Date.now()): StoredDoor[] {
  const prefix = prefixOf(organisationId);
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  const doors: StoredDoor[] = [];
  for (const key of keys) {
    const door = loadDoor(storage, organisationId, key.slice(prefix.length), now);
    saveDoor(storage, organisationId, door);
    if (door.items.length > 0 || door.pending.length > 0) doors.push(door);
  }
  return doors.sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? ''));
}

/**
 * At sign-out the names leave the device; only check-ins still to send stay (without the
 * list), to be sent after the organisation's next sign-in on this device.
 */
export function forgetSentDoors(storage: Storage, organisationId: string): void {
  for (const door of storedDoors(storage, organisationId)) saveDoor(storage, organisationId, { ...door, items: [] });
}

/** What people type or a QR code holds, as `XXXX-XXXX`: any case, dash and spaces optional; undefined if it cannot be a code. */
export function normaliseCode(input: string): string | undefined {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[0-9A-Z]{8}$/.test(compact)) return undefined;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

export const findByCode = (door: StoredDoor, code: string) => door.items.find((item) => item.checkInCode.toUpperCase() === code);

export const findById = (door: StoredDoor, registrationId: string) => door.items.find((item) => item.registrationId === registrationId);

const withItem = (door: StoredDoor, registrationId: string, change: (item: DoorListItem) => DoorListItem): StoredDoor => ({
  ...door,
  items: door.items.map((item) => (item.registrationId === registrationId ? change(item) : item)),
});

const checkedIn = (item: DoorListItem, at: string): DoorListItem => ({ ...item, checkedInAt: item.checkedInAt ?? at });
const checkedOut = ({ checkedInAt: _dropped, ...item }: DoorListItem): DoorListItem => item;

/** A check-in made on this device, to be sent. */
export function checkInLocally(door: StoredDoor, registrationId: string, at: string): StoredDoor {
  const next = withItem(door, registrationId, (item) => checkedIn(item, at));
  return { ...next, pending: [...door.pending, { change: 'check-in', registrationId, at }] };
}

/** An undo made on this device: it cancels a check-in not sent yet, or is itself to be sent. */
export function undoLocally(door: StoredDoor, registrationId: string, at: string): StoredDoor {
  const next = withItem(door, registrationId, checkedOut);
  const unsent = door.pending.findIndex((pending) => pending.change === 'check-in' && pending.registrationId === registrationId);
  if (unsent !== -1) return { ...next, pending: door.pending.filter((_pending, index) => index !== unsent) };
  return { ...next, pending: [...door.pending, { change: 'undo', registrationId, at }] };
}

/** The server's answer to a check-in or undo made elsewhere than from the queue: the list follows it. */
export function withResult(door: StoredDoor, result: CheckInResult): StoredDoor {
  return withItem(door, result.registrationId, (item) => ({ ...checkedOut(item), ...(result.checkedInAt ? { checkedInAt: result.checkedInAt } : {}) }));
}

const sameChange = (a: PendingChange, b: PendingChange) => a.change === b.change && a.registrationId === b.registrationId && a.at === b.at;

/**
 * A pending change reached the server (result: its answer) or can never apply (no result: the
 * person has no seat any more). The list follows the server unless a later change for the same
 * person still waits. A check-in undone here while it was on its way is undone there too.
 */
export function settle(door: StoredDoor, sent: PendingChange, result: CheckInResult | undefined, now: string): StoredDoor {
  const index = door.pending.findIndex((pending) => sameChange(pending, sent));
  if (index === -1) {
    if (sent.change === 'check-in' && result?.checkedInAt) return { ...door, pending: [...door.pending, { change: 'undo', registrationId: sent.registrationId, at: now }] };
    return door;
  }
  const rest = { ...door, pending: door.pending.filter((_pending, at) => at !== index) };
  const laterChange = rest.pending.some((pending) => pending.registrationId === sent.registrationId);
  return result && !laterChange ? withResult(rest, result) : rest;
}

/** The server's list, with the changes still waiting laid over it: what this device knows. */
export function withServerList(door: StoredDoor, items: DoorListItem[], savedAt: string): StoredDoor {
  let next: StoredDoor = { ...door, savedAt, items: items.map(doorFields) };
  for (const pending of door.pending) {
    next = withItem(next, pending.registrationId, (item) => (pending.change === 'check-in' ? checkedIn(item, pending.at) : checkedOut(item)));
  }
  return next;
}

/** Lower case without accents, so "zoe" finds "Zoë" and "ca" finds "Ça". */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

export function searchPeople(items: DoorListItem[], query: string, limit = 25): DoorListItem[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const code = normaliseCode(query);
  return items.filter((item) => (code && item.checkInCode === code) || words.every((word) => foldText(item.name).includes(word))).slice(0, limit);
}
