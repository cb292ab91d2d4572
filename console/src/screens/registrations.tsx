import { useRef, useState } from 'preact/hooks';
import { api, ApiError, SessionExpired } from '../api';
import type { Registration, RegistrationStatus } from '../api-types';
import { ConfirmDialog, FormDialog, InputField, LoadState, Notice, SelectField } from '../components';
import { foldText } from '../door-store';
import { useEvent } from '../event-data';
import { useI18n, type Messages } from '../i18n';
import { describeError, useLoad, useSession } from '../session';
import { formatDateTime } from '../time';
import { EventHeader } from './event-frame';

/** `undeliverable`: the people whose mail does not reach them, whom the organiser must contact another way. */
type StatusFilter = 'all' | RegistrationStatus | 'undeliverable';

const FILTERS: StatusFilter[] = ['all', 'pending', 'confirmed', 'waitlisted', 'cancelled', 'undeliverable'];

const isFilter = (value: string | undefined): value is StatusFilter => FILTERS.includes(value as StatusFilter);

export function matchesSearch(registration: Pick<Registration, 'name' | 'email'>, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const haystack = foldText(`${registration.name} ${registration.email}`);
  return words.every((word) => haystack.includes(word));
}

/** Mail to this person does not arrive: flagged, or the latest mail bounced, was called spam, or was not sent for that. */
export const mailDoesNotArrive = (registration: Pick<Registration, 'addressUndeliverable' | 'mailStatus'>): boolean =>
  registration.addressUndeliverable !== undefined || (registration.mailStatus !== undefined && registration.mailStatus !== 'delivered');

function matchesFilter(registration: Registration, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'undeliverable') return mailDoesNotArrive(registration);
  return registration.status === filter;
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

const problemSlug = (failure: ApiError) => failure.problem?.type.split(':').at(-1);

/**
 * Where an address correction's refusal belongs, in the organiser's language (the API's own
 * texts are English): at the field when it is about the address, else in the dialog.
 */
function correctionError(failure: unknown, t: Messages): { field?: string; dialog?: string } {
  if (failure instanceof ApiError && failure.status === 400 && failure.problem?.errors?.length) return { field: t.registrations.correctInvalid };
  if (failure instanceof ApiError && failure.status === 409) {
    const slug = problemSlug(failure);
    if (slug === 'already-registered') return { field: t.registrations.correctTaken };
    if (slug === 'registration-cancelled') return { dialog: t.registrations.correctCancelled };
    if (slug === 'registration-changed') return { dialog: t.registrations.correctChanged };
  }
  return { dialog: describeError(failure, t) };
}

function CorrectAddressDialog(props: { eventId: string; registration: Registration; onCorrected(updated: Registration): void; onClose(): void }) {
  const { t } = useI18n();
  const { signInAgain } = useSession();
  const { registration } = props;
  const input = useRef<HTMLInputElement>(null);
  const [address, setAddress] = useState(registration.email);
  const [fieldError, setFieldError] = useState<string>();
  const [dialogError, setDialogError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const showFieldError = (text: string) => {
    setFieldError(text);
    if (document.activeElement !== input.current) input.current?.focus();
  };

  const submit = async () => {
    setFieldError(undefined);
    setDialogError(undefined);
    const email = address.trim();
    if (!email) return showFieldError(t.errors.required);
    setBusy(true);
    try {
      props.onCorrected(await api.correctAddress(props.eventId, registration.registrationId, email));
    } catch (failure) {
      if (failure instanceof SessionExpired) signInAgain();
      const { field, dialog } = correctionError(failure, t);
      setBusy(false);
      if (field) showFieldError(field);
      setDialogError(dialog);
    }
  };

  return (
    <FormDialog
      title={t.registrations.correctTitle(registration.name)}
      first={input}
      submitLabel={busy ? t.common.busy : t.registrations.correctSave}
      cancelLabel={t.registrations.correctKeep}
      onSubmit={submit}
      onClose={props.onClose}
      busy={busy}
      error={dialogError}
      testId="correct-address-dialog"
    >
      <p>{t.registrations.correctText}</p>
      <InputField
        id="corrected-email"
        type="email"
        label={t.registrations.correctField}
        value={address}
        onValue={setAddress}
        error={fieldError}
        announceError
        autoComplete="off"
        spellcheck={false}
        autoCapitalize="off"
        inputRef={input}
        testId="corrected-email"
        required
      />
    </FormDialog>
  );
}

export function RegistrationsScreen({ eventId, show }: { eventId: string; show?: string }) {
  const { t, language } = useI18n();
  const { signInAgain } = useSession();
  const event = useEvent(eventId);
  const registrations = useLoad(() => api.listRegistrations(eventId).then((list) => list.items), [eventId]);
  const [status, setStatus] = useState<StatusFilter>(isFilter(show) ? show : 'all');
  const [query, setQuery] = useState('');
  const [cancelling, setCancelling] = useState<Registration>();
  const [correcting, setCorrecting] = useState<Registration>();
  const [erasing, setErasing] = useState<Registration>();
  const [confirming, setConfirming] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string>();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string; focus?: boolean }>();

  const fail = (failure: unknown) => {
    if (failure instanceof SessionExpired) signInAgain();
    return describeError(failure, t);
  };

  const refresh = () => {
    registrations.reload();
    event.reload();
  };

  const cancel = async () => {
    if (!cancelling) return;
    setBusy(true);
    setDialogError(undefined);
    try {
      await api.cancelRegistration(eventId, cancelling.registrationId);
      const text = cancelling.status === 'pending' ? t.registrations.removed(cancelling.name) : t.registrations.cancelled(cancelling.name);
      setMessage({ kind: 'success', text, focus: true });
      setCancelling(undefined);
      refresh();
    } catch (failure) {
      setDialogError(fail(failure));
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    if (!erasing) return;
    setBusy(true);
    setDialogError(undefined);
    try {
      await api.eraseRegistration(eventId, erasing.registrationId);
      setMessage({ kind: 'success', text: t.registrations.erasedDone(erasing.name), focus: true });
      setErasing(undefined);
      refresh();
    } catch (failure) {
      setDialogError(fail(failure));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (registration: Registration) => {
    setConfirming(registration.registrationId);
    setMessage(undefined);
    try {
      const confirmed = await api.confirmRegistration(eventId, registration.registrationId);
      // The button goes with the pending state, so the outcome takes the focus.
      const text = confirmed.status === 'confirmed' ? t.registrations.confirmedSeat(registration.name) : t.registrations.confirmedWaitlist(registration.name);
      setMessage({ kind: 'success', text, focus: true });
      refresh();
    } catch (failure) {
      setMessage({ kind: 'error', text: fail(failure) });
    } finally {
      setConfirming(undefined);
    }
  };

  const corrected = (updated: Registration) => {
    const name = correcting?.name ?? updated.name;
    registrations.setData((registrations.data ?? []).map((registration) => (registration.registrationId === updated.registrationId ? updated : registration)));
    setCorrecting(undefined);
    setMessage({ kind: 'success', text: t.registrations.corrected(name, updated.email) });
    event.reload();
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
  const shown = all.filter((registration) => matchesFilter(registration, status) && matchesSearch(registration, query));
  const zone = event.data?.timeZone;
  const open = !event.data?.cancelledAt;

  return (
    <>
      {event.data && <EventHeader event={event.data} screen="registrations" />}
      <LoadState error={registrations.error ?? event.error} loading={!registrations.data || !event.data} onRetry={refresh} />
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
                { value: 'pending', label: t.statuses.pending },
                { value: 'confirmed', label: t.statuses.confirmed },
                { value: 'waitlisted', label: t.statuses.waitlisted },
                { value: 'cancelled', label: t.statuses.cancelled },
                { value: 'undeliverable', label: t.registrations.undeliverableFilter },
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
                  <th scope="col">{t.registrations.mail}</th>
                  <th scope="col">{t.registrations.registered}</th>
                  <th scope="col">{t.registrations.checkedIn}</th>
                  <th scope="col">{t.registrations.needs}</th>
                  <th scope="col">{t.registrations.actions}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((registration) => (
                  <tr
                    key={registration.registrationId}
                    data-testid="registration-row"
                    data-registration-id={registration.registrationId}
                    data-status={registration.status}
                    data-mail-status={registration.mailStatus}
                    data-erased={registration.erasedAt ? 'true' : undefined}
                  >
                    <th scope="row" data-label={t.registrations.name}>
                      {registration.erasedAt ? (
                        <>
                          <span class="name erased" data-testid="erased">
                            {t.registrations.erasedRow}
                          </span>
                          <br />
                          <span class="meta">{t.registrations.erasedOn(formatDateTime(registration.erasedAt, language, zone, 'short'))}</span>
                        </>
                      ) : (
                        <>
                          <span class="name">{registration.name}</span>
                          <br />
                          <a class="email" href={`mailto:${registration.email}`}>
                            {registration.email}
                          </a>
                        </>
                      )}
                    </th>
                    <td data-label={t.registrations.organisation}>
                      {registration.organisation ?? t.common.none}
                      {registration.role && <span class="meta"> · {registration.role}</span>}
                    </td>
                    <td data-label={t.registrations.status}>
                      <span class={`badge status-${registration.status}`}>{t.statuses[registration.status]}</span>
                      {registration.waitlistPosition !== undefined && <span class="meta"> {t.registrations.position(registration.waitlistPosition)}</span>}
                      {registration.status === 'pending' && registration.confirmBy && (
                        <span class="meta confirm-by" data-testid="confirm-by">
                          {t.registrations.confirmBy(formatDateTime(registration.confirmBy, language, zone, 'short'))}
                        </span>
                      )}
                    </td>
                    <td data-label={t.registrations.mail}>
                      {registration.mailStatus ? (
                        <span class={`mail-status mail-${registration.mailStatus}`} data-testid="mail-status">
                          {t.registrations.mailStatuses[registration.mailStatus]}
                        </span>
                      ) : (
                        t.common.none
                      )}
                      {registration.addressUndeliverable && (
                        <p class="flag" data-testid="address-undeliverable">
                          <span aria-hidden="true">⚠ </span>
                          {t.registrations.undeliverable[registration.addressUndeliverable]}
                        </p>
                      )}
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
                      {!registration.erasedAt && (
                        <div class="row-actions">
                          {registration.status === 'pending' && open && (
                            <button
                              type="button"
                              class="button small"
                              aria-label={t.registrations.confirmFor(registration.name)}
                              disabled={confirming === registration.registrationId}
                              onClick={() => confirm(registration)}
                              data-testid="confirm-registration"
                            >
                              {t.registrations.confirm}
                            </button>
                          )}
                          {registration.status !== 'cancelled' && open && (
                            <>
                              <button
                                type="button"
                                class="button secondary small"
                                aria-label={t.registrations.correctFor(registration.name)}
                                onClick={() => setCorrecting(registration)}
                                data-testid="correct-address"
                              >
                                {t.registrations.correct}
                              </button>
                              <button
                                type="button"
                                class="button secondary small"
                                aria-label={registration.status === 'pending' ? t.registrations.removeFor(registration.name) : t.registrations.cancelFor(registration.name)}
                                onClick={() => {
                                  setDialogError(undefined);
                                  setCancelling(registration);
                                }}
                                data-testid="cancel-registration"
                              >
                                {registration.status === 'pending' ? t.registrations.remove : t.registrations.cancel}
                              </button>
                            </>
                          )}
                          <button
                            type="button"
                            class="button secondary small danger-text"
                            aria-label={t.registrations.eraseFor(registration.name)}
                            onClick={() => {
                              setDialogError(undefined);
                              setErasing(registration);
                            }}
                            data-testid="erase-registration"
                          >
                            {t.registrations.erase}
                          </button>
                        </div>
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
          title={cancelling.status === 'pending' ? t.registrations.removeTitle(cancelling.name) : t.registrations.cancelTitle(cancelling.name)}
          confirmLabel={cancelling.status === 'pending' ? t.registrations.removeConfirm : t.registrations.cancelConfirm}
          cancelLabel={t.registrations.cancelKeep}
          onConfirm={cancel}
          onClose={() => setCancelling(undefined)}
          busy={busy}
          error={dialogError}
          testId="cancel-registration-dialog"
        >
          <p>
            {cancelling.status === 'pending' ? t.registrations.removeText : cancelling.status === 'confirmed' ? t.registrations.cancelSeat : t.registrations.cancelWaitlist}
          </p>
        </ConfirmDialog>
      )}
      {erasing && (
        <ConfirmDialog
          title={t.registrations.eraseTitle(erasing.name)}
          confirmLabel={t.registrations.eraseConfirm}
          cancelLabel={t.registrations.eraseKeep}
          onConfirm={erase}
          onClose={() => setErasing(undefined)}
          busy={busy}
          error={dialogError}
          testId="erase-registration-dialog"
        >
          <p>{t.registrations.eraseIntro}</p>
          <ul>
            <li>{t.registrations.eraseWhat}</li>
            {erasing.status !== 'cancelled' && <li>{t.registrations.eraseSeat}</li>}
            <li>{t.registrations.eraseNoMail}</li>
            <li>{t.registrations.eraseKept}</li>
          </ul>
          <p>
            <strong>{t.registrations.eraseIrreversible}</strong>
          </p>
        </ConfirmDialog>
      )}
      {correcting && <CorrectAddressDialog eventId={eventId} registration={correcting} onCorrected={corrected} onClose={() => setCorrecting(undefined)} />}
    </>
  );
}
