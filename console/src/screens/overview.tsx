import { useState } from 'preact/hooks';
import { api, SessionExpired } from '../api';
import type { AdminEvent } from '../api-types';
import { ConfirmDialog, CopyField, LoadState, Notice } from '../components';
import { takeFlash, useEvent } from '../event-data';
import { useI18n } from '../i18n';
import { hrefFor } from '../router';
import { describeError, useLoad, useSession } from '../session';
import { formatDateTime, formatNumber } from '../time';
import { EventHeader, Section } from './event-frame';

interface Figures {
  checkedIn?: number;
  remindersSent?: number;
  certificatesSent?: number;
  failedMail?: number;
}

const settled = <T,>(result: PromiseSettledResult<T>) => (result.status === 'fulfilled' ? result.value : undefined);

function Figure({ label, value, testId, href }: { label: string; value: string | undefined; testId: string; href?: string }) {
  const { t } = useI18n();
  return (
    <div class="figure" data-testid={testId}>
      <dt>{href ? <a href={href}>{label}</a> : label}</dt>
      <dd>{value ?? t.common.none}</dd>
    </div>
  );
}

/** What became of the mail to participants; the organiser is pointed to the people it does not reach. */
function MailFigures({ event }: { event: AdminEvent }) {
  const { t, language } = useI18n();
  const { delivered, bounced, complained, suppressed } = event.counts.mail;
  const problems = bounced + complained + suppressed;
  const undeliverable = hrefFor({ name: 'registrations', eventId: event.id, show: 'undeliverable' });
  const number = (value: number) => formatNumber(value, language);
  return (
    <Section title={t.overview.mail} id="mail-heading">
      {problems > 0 && (
        <div class="notice warning" data-testid="mail-problems">
          <p>{t.overview.mailProblems(problems)}</p>
          <p>
            <a href={undeliverable}>{t.overview.mailProblemsLink}</a>
          </p>
        </div>
      )}
      <dl class="figures compact">
        <Figure label={t.overview.mailDelivered} value={number(delivered)} testId="figure-mail-delivered" />
        <Figure label={t.overview.mailBounced} value={number(bounced)} testId="figure-mail-bounced" href={bounced > 0 ? undeliverable : undefined} />
        <Figure label={t.overview.mailComplained} value={number(complained)} testId="figure-mail-complained" href={complained > 0 ? undeliverable : undefined} />
        <Figure label={t.overview.mailSuppressed} value={number(suppressed)} testId="figure-mail-suppressed" href={suppressed > 0 ? undeliverable : undefined} />
      </dl>
      {delivered + problems === 0 && <p class="hint">{t.overview.mailNoFeedback}</p>}
    </Section>
  );
}

function CancelEvent({ event, onCancelled }: { event: AdminEvent; onCancelled(event: AdminEvent): void }) {
  const { t } = useI18n();
  const { signInAgain } = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { confirmed, waitlisted } = event.counts;
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const cancelled = await api.cancelEvent(event.id);
      setOpen(false);
      onCancelled(cancelled);
    } catch (failure) {
      if (failure instanceof SessionExpired) signInAgain();
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="button danger" onClick={() => setOpen(true)} data-testid="cancel-event">
        {t.overview.cancelEvent}
      </button>
      {open && (
        <ConfirmDialog
          title={t.overview.cancelTitle}
          confirmLabel={t.overview.cancelConfirm}
          cancelLabel={t.overview.cancelKeep}
          onConfirm={confirm}
          onClose={() => setOpen(false)}
          busy={busy}
          error={error}
          testId="cancel-event-dialog"
        >
          <p>
            <strong>{event.title}</strong>
          </p>
          <p>{confirmed + waitlisted === 0 ? t.overview.cancelNobody : t.overview.cancelWho(confirmed, waitlisted)}</p>
          <p>{t.overview.cancelIrreversible}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

export function OverviewScreen({ eventId }: { eventId: string }) {
  const { t, language } = useI18n();
  const { config } = useSession();
  const [flash] = useState(takeFlash);
  const [cancelDone, setCancelDone] = useState(false);
  const event = useEvent(eventId);
  const figures = useLoad<Figures>(async () => {
    const [registrations, reminders, certificates, failed] = await Promise.allSettled([
      api.listRegistrations(eventId),
      api.reminders(eventId),
      api.certificateStatus(eventId),
      api.failedMail(eventId),
    ]);
    const expired = [registrations, reminders, certificates, failed].find((result) => result.status === 'rejected' && result.reason instanceof SessionExpired);
    if (expired) throw (expired as PromiseRejectedResult).reason;
    return {
      checkedIn: settled(registrations)?.items.filter((registration) => registration.checkedInAt).length,
      remindersSent: settled(reminders)?.items.reduce((sum, reminder) => sum + reminder.sent, 0),
      certificatesSent: settled(certificates)?.sent,
      failedMail: settled(failed)?.items.length,
    };
  }, [eventId]);
  const data = event.data;
  const number = (value: number | undefined) => (value === undefined ? undefined : formatNumber(value, language));
  const origin = new URL(config.redirectUri).origin;
  return (
    <>
      {data && <EventHeader event={data} screen="overview" />}
      {flash && <Notice kind="success">{flash}</Notice>}
      {cancelDone && (
        <Notice kind="success" takeFocus testId="event-cancelled">
          {t.overview.cancelDone}
        </Notice>
      )}
      <LoadState error={event.error} loading={!data} onRetry={event.reload} />
      {data && (
        <div class="overview">
          {data.cancelledAt && <Notice kind="warning">{t.overview.cancelledOn(formatDateTime(data.cancelledAt, language, data.timeZone))}</Notice>}
          <Section title={t.overview.figures} id="figures-heading">
            <dl class="figures">
              <Figure label={t.overview.seats} value={t.overview.of(data.counts.confirmed, data.capacity)} testId="figure-seats" href={hrefFor({ name: 'registrations', eventId })} />
              <Figure label={t.overview.waitlist} value={number(data.counts.waitlisted)} testId="figure-waitlist" />
              {(data.emailConfirmation === 'required' || data.counts.pending > 0) && (
                <Figure
                  label={t.overview.pending}
                  value={number(data.counts.pending)}
                  testId="figure-pending"
                  href={hrefFor({ name: 'registrations', eventId, show: 'pending' })}
                />
              )}
              <Figure label={t.overview.checkedIn} value={number(figures.data?.checkedIn)} testId="figure-checked-in" href={hrefFor({ name: 'door', eventId })} />
              <Figure label={t.overview.cancelledRegistrations} value={number(data.counts.cancelled)} testId="figure-cancelled" />
              <Figure label={t.overview.remindersSent} value={number(figures.data?.remindersSent)} testId="figure-reminders-sent" href={hrefFor({ name: 'reminders', eventId })} />
              <Figure label={t.overview.certificatesSent} value={number(figures.data?.certificatesSent)} testId="figure-certificates-sent" href={hrefFor({ name: 'certificates', eventId })} />
              <Figure label={t.overview.mailFailed} value={number(figures.data?.failedMail)} testId="figure-mail-failed" href={hrefFor({ name: 'certificates', eventId })} />
            </dl>
            {data.counts.pending > 0 && (
              <p class="hint" data-testid="pending-detail">
                {t.overview.pendingDetail(data.counts.pending)}
              </p>
            )}
            {figures.error !== undefined && <p class="hint">{describeError(figures.error, t)}</p>}
          </Section>
          <MailFigures event={data} />
          <Section title={t.overview.when} id="when-heading">
            <p>
              {formatDateTime(data.startsAt, language, data.timeZone)} – {formatDateTime(data.endsAt, language, data.timeZone)} ({data.timeZone})
            </p>
            <h3>{t.overview.where}</h3>
            <p>
              {data.venue.name}
              {data.venue.address && (
                <>
                  <br />
                  {data.venue.address}
                </>
              )}
              {data.venue.onlineUrl && (
                <>
                  <br />
                  <a href={data.venue.onlineUrl} rel="noopener noreferrer" target="_blank">
                    {data.venue.onlineUrl}
                  </a>
                </>
              )}
            </p>
          </Section>
          <Section title={t.overview.links} id="links-heading">
            <CopyField id="registration-link" label={t.overview.registrationLink} value={`${origin}/events/${encodeURIComponent(eventId)}/register`} testId="registration-link" />
            <CopyField id="door-link" label={t.overview.doorLink} value={`${config.redirectUri}${hrefFor({ name: 'door', eventId })}`} testId="door-link" />
          </Section>
          {!data.cancelledAt && (
            <Section title={t.overview.actions} id="actions-heading">
              <CancelEvent
                event={data}
                onCancelled={(cancelled) => {
                  event.setData(cancelled);
                  setCancelDone(true);
                }}
              />
            </Section>
          )}
        </div>
      )}
    </>
  );
}
