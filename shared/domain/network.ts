import type { EventRecord } from './event';
import { visibleStatus, type Registration } from './registration';

/** What one participant may see of another who opted in: nothing beyond these three. */
export interface NetworkEntry {
  name: string;
  organisation?: string;
  role?: string;
}

/**
 * The participant list on a personal page: `closed` to anyone who is not a confirmed
 * participant (they are not told there is a list), `not-yet` before the registration deadline
 * (so the list does not grow under people's eyes while strangers can still register), `open`
 * with the others who opted in.
 */
export type NetworkView = { state: 'closed' } | { state: 'not-yet'; opensAt: string } | { state: 'open'; opensAt: string; people: NetworkEntry[] };

export type NetworkMember = Pick<Registration, 'registrationId' | 'status' | 'confirmBy' | 'networkConsentAt' | 'erasedAt' | 'name' | 'organisation' | 'role'>;

/** Only people with a seat whose address is confirmed: the list is for those who will be in the room. */
const seated = (registration: Pick<Registration, 'status' | 'confirmBy'>) => visibleStatus(registration) === 'confirmed';

export function mayViewNetwork(viewer: Pick<Registration, 'status' | 'confirmBy' | 'erasedAt'>, event: Pick<EventRecord, 'cancelledAt'>): boolean {
  return seated(viewer) && !viewer.erasedAt && !event.cancelledAt;
}

const byName = new Intl.Collator('nl', { sensitivity: 'base' });

/** The others with a seat who opted in (consent withdrawn or data erased: gone at once), sorted by name. */
export function networkListing(viewer: Pick<Registration, 'registrationId'>, registrations: readonly NetworkMember[]): NetworkEntry[] {
  return registrations
    .filter((other) => other.registrationId !== viewer.registrationId && other.networkConsentAt && !other.erasedAt && other.name && seated(other))
    .map((other) => ({ name: other.name, ...(other.organisation ? { organisation: other.organisation } : {}), ...(other.role ? { role: other.role } : {}) }))
    .sort((a, b) => byName.compare(a.name, b.name));
}

/** Whether the viewer's page shows the list now; the caller reads the registrations only when it is `open`. */
export function networkAccess(
  viewer: Pick<Registration, 'status' | 'confirmBy' | 'erasedAt'>,
  event: Pick<EventRecord, 'cancelledAt' | 'registrationClosesAt'>,
  now: Date,
): { state: 'closed' } | { state: 'not-yet' | 'open'; opensAt: string } {
  if (!mayViewNetwork(viewer, event)) return { state: 'closed' };
  return { state: now.toISOString() < event.registrationClosesAt ? 'not-yet' : 'open', opensAt: event.registrationClosesAt };
}
