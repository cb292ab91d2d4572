import { NotFound } from '../domain/errors';
import type { EventRecord } from '../domain/event';
import { networkAccess, networkListing, type NetworkView } from '../domain/network';
import type { Registration } from '../domain/registration';
import { findOwnRegistration } from './cancel';
import type { RegistrationDeps } from './deps';

/** The personal page's switch: show me on the event's participant list, or no longer. Twice is once. */
export async function setOwnNetworkConsent(deps: RegistrationDeps, registrationId: string, token: string | undefined, show: boolean): Promise<{ show: boolean }> {
  await findOwnRegistration(deps, registrationId, token);
  // Erased between the read and the write: its token is gone, so it is a stranger's request now.
  if ((await deps.registrations.setNetworkConsent(registrationId, show ? deps.clock.now() : undefined)) === 'gone') throw new NotFound('This registration');
  return { show };
}

/** The participant list as this person's page shows it; the others are read from the table each time, so a withdrawal counts at once. */
export async function networkFor(deps: RegistrationDeps, registration: Registration, event: EventRecord): Promise<NetworkView> {
  const access = networkAccess(registration, event, deps.clock.now());
  if (access.state !== 'open') return access.state === 'closed' ? access : { state: 'not-yet', opensAt: access.opensAt };
  return { state: 'open', opensAt: access.opensAt, people: networkListing(registration, await deps.registrations.networkOfEvent(event.id)) };
}

/** The list in the personal page's JSON, once it is open; before that only the page says when it will be. */
export const networkJson = (network: NetworkView) => (network.state === 'open' ? { network: { opensAt: network.opensAt, people: network.people } } : {});
