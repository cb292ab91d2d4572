import { retryTransient } from '../adapters/aws-errors';
import type { MailOutbox } from '../adapters/dynamo/mail-outbox';
import type { CertificateRepository } from '../adapters/dynamo/certificate-repository';
import type { MailingRepository } from '../adapters/dynamo/mailing-repository';
import { certificateFor, isCertificateEligible, newCertificateNumber } from '../domain/certificate';
import { localTime, decideMailing, offersRelease, reminderJobId, reminderMailings, type Mailing } from '../domain/mailing';
import { isInAudience, messageAudienceOf } from '../domain/message';
import type { EventRecord } from '../domain/event';
import type { OutboxMail } from '../domain/mail';
import { needsRetentionEnd, retentionEnd, type Registration } from '../domain/registration';
import type { RegistrationDeps } from './deps';
import { requireOwnedEvent } from './owned-event';

export interface MailingDeps extends RegistrationDeps {
  mailings: MailingRepository;
  outbox: MailOutbox;
  certificates: CertificateRepository;
}

/** How long a claimed mailing is ours; a run that dies leaves it to be claimed again after this. */
const LEASE_MS = 5 * 60_000;
const WRITE_CONCURRENCY = 25;
/**
 * Tries at each write of a fan-out. They are all idempotent (a mail added once, a certificate
 * issued once, an expiry moved, a record erased), so a throttled one is simply written again
 * rather than leaving the mailing claimed, and the rest of its mails late, until its lease ends.
 */
const WRITE_ATTEMPTS = 6;

/** Reminders follow the event: new ones are scheduled, moved ones move, removed ones go. */
export async function scheduleReminders(deps: Pick<MailingDeps, 'mailings'>, event: EventRecord, previous?: EventRecord): Promise<void> {
  const wanted = reminderMailings(event);
  await Promise.all(wanted.map((mailing) => deps.mailings.schedule(mailing)));
  const dropped = (previous?.reminders ?? []).filter((offset) => !event.reminders.includes(offset));
  await Promise.all(dropped.map((offset) => deps.mailings.unschedule(event.id, reminderJobId(offset))));
}

function recipients(mailing: Mailing, registrations: Registration[]): Registration[] {
  if (mailing.kind === 'certificates') {
    const named = mailing.registrationIds && new Set(mailing.registrationIds);
    const audience = mailing.audience === 'attended' ? 'attended' : 'confirmed';
    return registrations.filter((registration) => isCertificateEligible(registration, audience) && (!named || named.has(registration.registrationId)));
  }
  if (mailing.kind === 'message') {
    const audience = messageAudienceOf(mailing);
    return registrations.filter((registration) => isInAudience(registration, audience) && (!mailing.registeredBefore || registration.createdAt <= mailing.registeredBefore));
  }
  return registrations.filter(
    (registration) =>
      (mailing.audience === 'everyone' ? registration.status !== 'cancelled' : registration.status === 'confirmed') &&
      (!mailing.registeredBefore || registration.createdAt <= mailing.registeredBefore),
  );
}

/**
 * Stable per recipient, so no trigger mails anyone twice. A first certificate mailing shares
 * one id per registration across triggers; a resend is its own job and so its own mail.
 */
export function mailIdFor(mailing: Mailing, registrationId: string): string {
  if (mailing.kind === 'certificates' && !mailing.registrationIds) return `${mailing.eventId}.certificate.${registrationId}`;
  return `${mailing.eventId}.${mailing.jobId}.${registrationId}`;
}

async function inChunks<T>(items: T[], size: number, work: (item: T) => Promise<unknown>, stopBy: number): Promise<boolean> {
  for (let start = 0; start < items.length; start += size) {
    if (Date.now() >= stopBy) return false;
    await Promise.all(items.slice(start, start + size).map((item) => retryTransient(() => work(item), WRITE_ATTEMPTS)));
  }
  return true;
}

/**
 * Turns one due mailing into outbox mails (which the mail function sends at the configured
 * rate). Mail ids are derived from event, mailing and registration: a second trigger, or a
 * rerun after a crash, adds nothing that exists. A run that nears its deadline stops; the
 * mailing's lease runs out and the next run finishes it.
 */
async function fanOut(deps: MailingDeps, mailing: Mailing, stopBy: number): Promise<'done' | 'unfinished'> {
  const now = deps.clock.now();
  const event = await deps.events.get(mailing.eventId, { consistent: true });
  if (decideMailing(mailing, event, now) === 'skip') {
    await deps.mailings.complete(mailing, 'skipped', 0, now);
    return 'done';
  }
  const { kind } = mailing;
  if (kind === 'retention') return moveRetention(deps, mailing, event!, stopBy);
  if (kind === 'erasure') return eraseEveryone(deps, mailing, stopBy);
  const audience = recipients(mailing, await deps.registrations.listByEvent(mailing.eventId));
  const offerRelease = mailing.kind === 'reminder' && offersRelease(event!, mailing.offset);
  const mails: OutboxMail[] = audience.map((registration) => ({
    mailId: mailIdFor(mailing, registration.registrationId),
    kind: kind === 'certificates' ? 'certificate' : kind,
    eventId: mailing.eventId,
    registrationId: registration.registrationId,
    status: 'pending',
    attempts: 0,
    createdAt: now.toISOString(),
    ...(offerRelease ? { offerRelease } : {}),
    ...(kind === 'message' ? { messageId: mailing.jobId } : {}),
  }));
  const byRegistration = new Map(audience.map((registration) => [registration.registrationId, registration]));
  const finished = await inChunks(
    mails,
    WRITE_CONCURRENCY,
    async (mail) => {
      if (mail.kind === 'certificate') {
        const registration = byRegistration.get(mail.registrationId)!;
        await deps.certificates.issueOnce({ ...certificateFor(event!, registration, newCertificateNumber(), now), mailId: mail.mailId }, registration.retainUntil);
      }
      return deps.outbox.addOnce(mail);
    },
    stopBy,
  );
  if (!finished) return 'unfinished';
  await retryTransient(() => deps.mailings.complete(mailing, 'sent', mails.length, deps.clock.now()), WRITE_ATTEMPTS);
  return 'done';
}

/** A retention job: every registration's items expire at the event's new retention end (and their needs at the new needs end). */
async function moveRetention(deps: MailingDeps, mailing: Mailing, event: EventRecord, stopBy: number): Promise<'done' | 'unfinished'> {
  const registrations = await deps.registrations.listByEvent(mailing.eventId);
  const [retainUntil, needsRetainUntil] = [retentionEnd(event), needsRetentionEnd(event)];
  const finished = await inChunks(registrations, WRITE_CONCURRENCY, (registration) => deps.registrations.moveRetention(registration, retainUntil, needsRetainUntil), stopBy);
  if (!finished) return 'unfinished';
  await retryTransient(() => deps.mailings.complete(mailing, 'sent', registrations.length, deps.clock.now()), WRITE_ATTEMPTS);
  return 'done';
}

/** A deleted event: every registration keeps only what the counts need, as after a person's own erasure. */
async function eraseEveryone(deps: MailingDeps, mailing: Mailing, stopBy: number): Promise<'done' | 'unfinished'> {
  const registrations = (await deps.registrations.listByEvent(mailing.eventId)).filter((registration) => !registration.erasedAt);
  const now = deps.clock.now();
  const finished = await inChunks(registrations, WRITE_CONCURRENCY, (registration) => deps.registrations.erase(registration, now, { afterEvent: true }), stopBy);
  if (!finished) return 'unfinished';
  await retryTransient(() => deps.mailings.complete(mailing, 'sent', registrations.length, deps.clock.now()), WRITE_ATTEMPTS);
  return 'done';
}

/**
 * Fans out every due mailing, one after another. One that fails even after its retries stays
 * claimed until its lease ends (a later run finishes it: nothing it wrote is written twice) and
 * the others still go out; it is counted as failed.
 */
export async function runDueMailings(deps: MailingDeps, options: { stopBy: number; limit?: number }) {
  const tally = { done: 0, unfinished: 0, failed: 0, failures: [] as string[] };
  for (const { eventId, jobId } of await deps.mailings.due(deps.clock.now(), options.limit ?? 50)) {
    if (Date.now() >= options.stopBy) break;
    try {
      const mailing = await deps.mailings.claim(eventId, jobId, deps.clock.now(), LEASE_MS);
      // A fan-out is idempotent as a whole too: a throttled read before its writes just starts it again.
      if (mailing) tally[await retryTransient(() => fanOut(deps, mailing, options.stopBy), WRITE_ATTEMPTS)]++;
    } catch (error) {
      tally.failed++;
      tally.failures.push(`${eventId}/${jobId}: ${error instanceof Error ? error.name : String(error)}`);
    }
  }
  return tally;
}

/** The organiser's view of the reminders: when (UTC and event-local), state and mails sent. */
export async function remindersOf(deps: MailingDeps, organisationId: string, eventId: string) {
  const event = await requireOwnedEvent(deps, organisationId, eventId);
  const mailings = (await deps.mailings.ofEvent(eventId)).filter((mailing) => mailing.kind === 'reminder');
  return {
    items: mailings
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .map((mailing) => ({
        offset: mailing.offset,
        dueAt: mailing.dueAt,
        dueAtLocal: localTime(mailing.dueAt, event.timeZone),
        timeZone: event.timeZone,
        state: mailing.state,
        sent: mailing.sent,
      })),
  };
}
