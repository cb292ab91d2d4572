import { isDeepStrictEqual } from 'node:util';
import { visibleStatus, type VisibleStatus } from './registration';

/**
 * What other systems (a CRM, a Slack channel) are told: every change of a registration's,
 * a certificate's or an event's state, with ids and statuses only. A consumer that needs a
 * name asks the organiser API for it, under the organiser's credentials.
 * The published shape is versioned: events/schemas/state-change.v1.json.
 */
export const STATE_CHANGE_SCHEMA_VERSION = 1;
/** The `source` of every event published; consumers' rules match on it. */
export const STATE_CHANGE_SOURCE = 'event-registration';

export const STATE_CHANGE_TYPES = [
  'registration.pending',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'registration.cancelled',
  'registration.checked-in',
  'registration.check-in-undone',
  'registration.erased',
  'registration.deleted',
  'certificate.issued',
  'event.created',
  'event.changed',
  'event.cancelled',
  'event.deleted',
] as const;
export type StateChangeType = (typeof STATE_CHANGE_TYPES)[number];

export interface StateChange {
  schemaVersion: typeof STATE_CHANGE_SCHEMA_VERSION;
  /** The same for every delivery of one change: consumers drop a second one with an id they have seen. */
  id: string;
  type: StateChangeType;
  occurredAt: string;
  eventId: string;
  organisationId?: string;
  registrationId?: string;
  /**
   * Orders the changes of one item (one registration, one event): a later change has a greater
   * number (compare as big integers). EventBridge itself keeps no order.
   */
  sequence?: string;
  /** A registration's status after the change, as the organiser sees it. */
  status?: VisibleStatus;
  previousStatus?: VisibleStatus;
  /** For event.changed: which of the event's settings changed (names only, not values). */
  changedFields?: string[];
}

/** One write to a stored item, as the table's stream tells it: the item before and after (plain values). */
export interface ItemWrite {
  id: string;
  at: string;
  /** The stream's sequence number of the write: later writes of one item have greater ones. */
  sequence?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

type Entity = 'registration' | 'event' | 'certificate';
const entityOf = (write: ItemWrite) => (write.after ?? write.before)?.entity as Entity | string | undefined;

/**
 * The state change a write makes, if any: a registration's mail bookkeeping, a seat counter or
 * an expiry moved by a retention job changes nothing a consumer follows.
 */
export function stateChangeOf(write: ItemWrite): StateChange | undefined {
  const entity = entityOf(write);
  if (entity === 'registration') return registrationChange(write);
  if (entity === 'event') return eventChange(write);
  // The certificate's number is left out: the public verification page names its holder.
  if (entity === 'certificate' && write.after && !write.before) return { ...base(write, 'certificate.issued', write.after), registrationId: String(write.after.registrationId) };
  return undefined;
}

function base(write: ItemWrite, type: StateChangeType, item: Record<string, unknown>): StateChange {
  return {
    schemaVersion: STATE_CHANGE_SCHEMA_VERSION,
    id: write.id,
    type,
    occurredAt: write.at,
    eventId: String(item.eventId ?? item.id),
    ...(typeof item.organisationId === 'string' ? { organisationId: item.organisationId } : {}),
    ...(write.sequence ? { sequence: write.sequence } : {}),
  };
}

type StoredRegistration = { status: 'confirmed' | 'waitlisted' | 'cancelled'; confirmBy?: string; checkedInAt?: string; erasedAt?: string; migratedAt?: string };

function registrationChange(write: ItemWrite): StateChange | undefined {
  const before = write.before as StoredRegistration | undefined;
  const after = write.after as StoredRegistration | undefined;
  const item = (write.after ?? write.before)!;
  const change = (type: StateChangeType, status?: VisibleStatus, previousStatus?: VisibleStatus): StateChange => ({
    ...base(write, type, item),
    registrationId: String(item.registrationId),
    ...(status ? { status } : {}),
    ...(previousStatus ? { previousStatus } : {}),
  });
  if (!before && after) {
    // Moved to the current layout by `npm run migrate`: not new, only stored anew.
    if (after.migratedAt) return undefined;
    const status = visibleStatus(after);
    return change(`registration.${status}` as StateChangeType, status);
  }
  if (before && !after) {
    // An unconfirmed registration is deleted when its hold lapses or the organiser removes it: for everyone else, it was cancelled.
    const previous = visibleStatus(before);
    return previous === 'pending' ? change('registration.cancelled', 'cancelled', previous) : change('registration.deleted', undefined, previous);
  }
  if (!before || !after) return undefined;
  if (!before.erasedAt && after.erasedAt) return change('registration.erased', visibleStatus(after));
  const previous = visibleStatus(before);
  const status = visibleStatus(after);
  if (previous !== status) {
    const type: StateChangeType = previous === 'waitlisted' && status === 'confirmed' ? 'registration.promoted' : `registration.${status}`;
    return change(type, status, previous);
  }
  if (!before.checkedInAt && after.checkedInAt) return change('registration.checked-in', status);
  if (before.checkedInAt && !after.checkedInAt) return change('registration.check-in-undone', status);
  return undefined;
}

/** Attributes the system itself keeps on an event: bookkeeping, not the organiser's settings. */
const EVENT_BOOKKEEPING = new Set([
  'PK',
  'SK',
  'GSI1PK',
  'GSI1SK',
  'entity',
  'updatedAt',
  'calendarSequence',
  'promotionCutoffAt',
  'expiresAt',
  // The counts and waitlist of the layout before the seat counters, which `npm run migrate` removes.
  'waitlist',
  'confirmedCount',
  'cancelledCount',
]);

function eventChange(write: ItemWrite): StateChange | undefined {
  const { before, after } = write;
  if (!before && after) return base(write, 'event.created', after);
  if (before && !after) return before.deletedAt ? undefined : base(write, 'event.deleted', before);
  if (!before || !after) return undefined;
  if (!before.deletedAt && after.deletedAt) return base(write, 'event.deleted', after);
  if (!before.cancelledAt && after.cancelledAt) return base(write, 'event.cancelled', after);
  const changedFields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((name) => !EVENT_BOOKKEEPING.has(name) && !isDeepStrictEqual(before[name], after[name]))
    .sort();
  return changedFields.length > 0 ? { ...base(write, 'event.changed', after), changedFields } : undefined;
}
