import { useState } from 'preact/hooks';
import { api, SessionExpired } from '../api';
import type { Registration, RegistrationStatus } from '../api-types';
import { ConfirmDialog, InputField, LoadState, Notice, SelectField } from '../components';
import { foldText } from '../door-store';
import { useEvent } from '../event-data';
import { useI18n } from '../i18n';
import { describeError, useLoad, useSession } from '../session';
import { formatDateTime } from '../time';
import { EventHeader } from './event-frame';

type StatusFilter = 'all' | RegistrationStatus;

export function matchesSearch(registration: Pick<Registration, 'name' | 'email'>, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const haystack = foldText(`${registration.name} ${registration.email}`);
  return words.every((word) => haystack.includes(word));
}

/** Saves a blob under a file name, the way a download link would. */
function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function RegistrationsScreen({ eventId }: { eventId: string }) {
  const { t, language } = useI18n();
  const { signInAgain } = useSession();
  const event = useEvent(eventId);
  const registrations = useLoad(() => api.listRegistrations(eventId).then((list) => list.items), [eventId]);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [query, setQuery] = useState('');
  const [cancelling, setCancelling] = useState<Registration>();
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string>();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string; focus?: boolean }>();

  const fail = (failure: unknown) => {
    if (failure instanceof SessionExpired) signInAgain();
    return describeError(failure, t);
  };

  const cancel = async () => {
    if (!cancelling) return;
    setBusy(true);
    setDialogError(undefined);
    try {
      await api.cancelRegistration(eventId, cancelling.registrationId);
      setMessage({ kind: 'success', text: t.registrations.cancelled(cancelling.name), focus: true });
      setCancelling(undefined);
      registrations.reload();
      event.reload();
    } catch (failure) {
      setDialogError(fail(failure));
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = async () => {
    setMessage(undefined);
    try {
      const { blob, filename } = await api.exportRegistrations(eventId);
      download(blob, filename);
      setMessage({ kind: 'success', text: t.registrations.exported });
    } catch (failure) {
      setMessage({ kind: 'error', text: fail(failure) });
    }
  };

  const all = registrations.data ?? [];
  const shown = all.filter((registration) => (status === 'all' || registration.status === status) && matchesSearch(registration, query));
  const zone = event.data?.timeZone;

  return (
    <>
      {event.data && <EventHeader event={event.data} screen="registrations" />}
      <LoadState error={registrations.error ?? event.error} loading={!registrations.data || !event.data} onRetry={() => (registrations.reload(), event.reload())} />
      {message && (
        <Notice key={message.text} kind={message.kind} takeFocus={message.focus} testId="registrations-message">
          {message.text}
        </Notice>
      )}
      {registrations.data && event.data && (
        <>
          <div class="toolbar panel" role="search">
            <SelectField<StatusFilter>
              id="status-filter"
              label={t.registrations.status}
              value={status}
              onValue={setStatus}
              options={[
                { value: 'all', label: t.registrations.allStatuses },
                { value: 'confirmed', label: t.statuses.confirmed },
                { value: 'waitlisted', label: t.statuses.waitlisted },
                { value: 'cancelled', label: t.statuses.cancelled },
              ]}
            />
            <InputField id="registration-search" type="search" label={t.registrations.search} value={query} onValue={setQuery} testId="registration-search" />
            <button type="button" class="button secondary" onClick={exportCsv} data-testid="export-csv">
              {t.registrations.export}
            </button>
          </div>
          <p role="status" data-testid="registration-count">
            {t.registrations.count(shown.length, all.length)}
          </p>
          {shown.length === 0 ? (
            <p>{t.registrations.none}</p>
          ) : (
            <table class="data-table responsive" data-testid="registrations-table">
              <caption class="visually-hidden">{t.registrations.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.registrations.name}</th>
                  <th scope="col">{t.registrations.organisation}</th>
                  <th scope="col">{t.registrations.status}</th>
                  <th scope="col">{t.registrations.registered}</th>
                  <th scope="col">{t.registrations.checkedIn}</th>
                  <th scope="col">{t.registrations.needs}</th>
                  <th scope="col">{t.registrations.actions}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((registration) => (
                  <tr key={registration.registrationId} data-testid="registration-row" data-registration-id={registration.registrationId} data-status={registration.status}>
                    <th scope="row" data-label={t.registrations.name}>
                      <span class="name">{registration.name}</span>
                      <br />
                      <a class="email" href={`mailto:${registration.email}`}>
                        {registration.email}
                      </a>
                    </th>
                    <td data-label={t.registrations.organisation}>
                      {registration.organisation ?? t.common.none}
                      {registration.role && <span class="meta"> · {registration.role}</span>}
                    </td>
                    <td data-label={t.registrations.status}>
                      <span class={`badge status-${registration.status}`}>{t.statuses[registration.status]}</span>
                      {registration.waitlistPosition !== undefined && <span class="meta"> {t.registrations.position(registration.waitlistPosition)}</span>}
                    </td>
                    <td data-label={t.registrations.registered}>{formatDateTime(registration.createdAt, language, zone, 'short')}</td>
                    <td data-label={t.registrations.checkedIn}>{registration.checkedInAt ? formatDateTime(registration.checkedInAt, language, zone, 'short') : t.common.none}</td>
                    <td data-label={t.registrations.needs}>
                      {registration.accessibilityNeeds && (
                        <span class="need">
                          {t.registrations.accessibility}: {registration.accessibilityNeeds}
                        </span>
                      )}
                      {registration.dietaryNeeds && (
                        <span class="need">
                          {t.registrations.dietary}: {registration.dietaryNeeds}
                        </span>
                      )}
                      {!registration.accessibilityNeeds && !registration.dietaryNeeds && t.common.none}
                    </td>
                    <td data-label={t.registrations.actions}>
                      {registration.status !== 'cancelled' && !event.data?.cancelledAt && (
                        <button
                          type="button"
                          class="button secondary small"
                          aria-label={t.registrations.cancelFor(registration.name)}
                          onClick={() => {
                            setDialogError(undefined);
                            setCancelling(registration);
                          }}
                        >
                          {t.registrations.cancel}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {cancelling && (
        <ConfirmDialog
          title={t.registrations.cancelTitle(cancelling.name)}
          confirmLabel={t.registrations.cancelConfirm}
          cancelLabel={t.registrations.cancelKeep}
          onConfirm={cancel}
          onClose={() => setCancelling(undefined)}
          busy={busy}
          error={dialogError}
          testId="cancel-registration-dialog"
        >
          <p>{cancelling.status === 'confirmed' ? t.registrations.cancelSeat : t.registrations.cancelWaitlist}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
