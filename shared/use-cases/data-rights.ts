import type { CertificateRepository } from '../adapters/dynamo/certificate-repository';
import { NotFound } from '../domain/errors';
import { visibleStatus, type Registration } from '../domain/registration';
import { mailSubject } from '../mail/templates';
import { releaseHold } from './address-confirmation';
import { cancel, findOwnRegistration } from './cancel';
import type { RegistrationDeps } from './deps';
import { requireOwnedEvent } from './owned-event';

export interface DataRightsDeps extends RegistrationDeps {
  certificates: CertificateRepository;
}

/** Fields that are about the system, not the person, and mean nothing to them. */
const INTERNAL = new Set(['accessTokenHashes', 'seatShard', 'waitlistSeq', 'mailsSent']);

/**
 * Everything stored about a person for this event (GDPR article 15), as they may download it
 * from their personal page: the registration's every field, the needs while they are kept, the
 * mails with their subjects and times, the check-in and the certificate's number. Their links'
 * tokens are stored only as hashes and are counted, not shown.
 */
export async function ownData(deps: DataRightsDeps, registrationId: string, token: string | undefined) {
  const own = await findOwnRegistration(deps, registrationId, token);
  const { registration, event } = await deps.registrations.getWithEvent(own.eventId, registrationId);
  if (!registration || !event) throw new NotFound('This registration');
  const certificate = await deps.certificates.ofRegistration(registration.eventId, registrationId);
  return {
    event: { id: event.id, title: event.title, startsAt: event.startsAt, endsAt: event.endsAt },
    registration: { ...Object.fromEntries(Object.entries(registration).filter(([name]) => !INTERNAL.has(name))), status: visibleStatus(registration), personalLinks: registration.accessTokenHashes?.length ?? 0 },
    mails: (registration.mailsSent ?? []).map((mail) => ({ kind: mail.kind, subject: mailSubject(mail.kind, event, registration.language), sentAt: mail.sentAt })),
    checkedInAt: registration.checkedInAt ?? null,
    certificateNumber: certificate?.certificateNumber ?? null,
  };
}

const MAX_ROUNDS = 5;

/**
 * Erasure (GDPR article 17). A held place is given up first, exactly as a cancellation gives it
 * up (the next person is promoted), but nobody is mailed; then the personal data goes and an
 * anonymous record stays, so the counts and the waitlist's order stay right. Mails still on their
 * way are dropped (see suppressionOf). An unconfirmed registration is deleted outright.
 */
async function erase(deps: RegistrationDeps, registration: Registration): Promise<{ status: 'erased' }> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (registration.erasedAt) return { status: 'erased' };
    if (visibleStatus(registration) === 'pending') {
      if ((await releaseHold(deps, registration, { promoteInline: true })) === 'released') return { status: 'erased' };
    } else {
      if (registration.status !== 'cancelled') await cancel(deps, registration.eventId, registration.registrationId, { tell: false });
      const cancelled = await deps.registrations.get(registration.eventId, registration.registrationId);
      if (!cancelled) return { status: 'erased' };
      if ((await deps.registrations.erase(cancelled, deps.clock.now())) === 'erased') return { status: 'erased' };
    }
    const current = await deps.registrations.get(registration.eventId, registration.registrationId);
    if (!current) return { status: 'erased' };
    registration = current;
  }
  throw new Error(`Erasure of ${registration.registrationId} did not settle after ${MAX_ROUNDS} rounds`);
}

export async function eraseOwnRegistration(deps: RegistrationDeps, registrationId: string, token: string | undefined) {
  return erase(deps, await findOwnRegistration(deps, registrationId, token));
}

export async function eraseForOrganiser(deps: RegistrationDeps, organisationId: string, eventId: string, registrationId: string) {
  await requireOwnedEvent(deps, organisationId, eventId);
  const registration = await deps.registrations.get(eventId, registrationId);
  if (!registration) throw new NotFound('This registration');
  return erase(deps, registration);
}

