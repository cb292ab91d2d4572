import { useEffect, useState } from 'preact/hooks';
import { api, SessionExpired } from '../api';
import type { CertificateAudience, CertificateRequest } from '../api-types';
import { InputField, LoadState, Notice } from '../components';
import { hasEnded, useEvent } from '../event-data';
import { useI18n } from '../i18n';
import { describeError, useLoad, useSession } from '../session';
import { formatDateTime, formatNumber } from '../time';
import { matchesSearch } from './registrations';
import { EventHeader, Section } from './event-frame';

const POLL_INTERVAL_MS = 3000;
/** After a request, mails are prepared by the next run of the mailing schedule: keep watching a while. */
const WATCH_AFTER_REQUEST_MS = 90_000;

export function CertificatesScreen({ eventId }: { eventId: string }) {
  const { t, language } = useI18n();
  const { signInAgain } = useSession();
  const event = useEvent(eventId);
  const status = useLoad(() => api.certificateStatus(eventId), [eventId]);
  const registrations = useLoad(() => api.listRegistrations(eventId).then((list) => list.items), [eventId]);
  const failed = useLoad(() => api.failedMail(eventId).then((list) => list.items), [eventId]);
  const [include, setInclude] = useState<CertificateAudience>('attended');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string }>();
  const [requestedAt, setRequestedAt] = useState(0);
  const [resendError, setResendError] = useState<string>();

  const running = (status.data?.pending ?? 0) > 0 || Date.now() - requestedAt < WATCH_AFTER_REQUEST_MS;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      status.reload();
      failed.reload();
    }, POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [running]);

  const send = async (request: CertificateRequest) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const accepted = await api.requestCertificates(eventId, request);
      setMessage({ kind: 'success', text: t.certificates.requested(accepted.total) });
      setRequestedAt(Date.now());
      status.reload();
      if ('resend' in request) setChosen(new Set());
    } catch (failure) {
      if (failure instanceof SessionExpired) signInAgain();
      setMessage({ kind: 'error', text: describeError(failure, t) });
    } finally {
      setBusy(false);
    }
  };

  const data = event.data;
  const people = registrations.data ?? [];
  const withSeat = people.filter((registration) => registration.status === 'confirmed');
  const attended = withSeat.filter((registration) => registration.checkedInAt);
  const names = new Map(people.map((registration) => [registration.registrationId, registration.name]));
  const choosable = withSeat.filter((registration) => matchesSearch(registration, filter));
  const counts = status.data;
  const number = (value: number) => formatNumber(value, language);

  return (
    <>
      {data && <EventHeader event={data} screen="certificates" />}
      <LoadState error={event.error} loading={!data} onRetry={event.reload} />
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {data && !data.certificate.enabled && <Notice kind="warning">{t.certificates.disabled}</Notice>}
      {data && data.certificate.enabled && !hasEnded(data) && <Notice>{t.certificates.notEnded(formatDateTime(data.endsAt, language, data.timeZone))}</Notice>}
      {data && (
        <Section title={t.certificates.progress} id="progress-heading">
          <LoadState error={status.error} loading={!counts} onRetry={status.reload} />
          {counts && (
            <div data-testid="certificate-progress" data-total={counts.total} data-sent={counts.sent} data-failed={counts.failed} data-pending={counts.pending}>
              {counts.total === 0 ? (
                <p>{t.certificates.nothingYet}</p>
              ) : (
                <>
                  <label for="certificate-progress-bar">{t.certificates.progressLabel}</label>
                  <progress id="certificate-progress-bar" max={counts.total} value={counts.sent + counts.failed}>
                    {number(counts.sent)} / {number(counts.total)}
                  </progress>
                </>
              )}
              <dl class="figures compact">
                <div class="figure">
                  <dt>{t.certificates.total}</dt>
                  <dd>{number(counts.total)}</dd>
                </div>
                <div class="figure">
                  <dt>{t.certificates.sent}</dt>
                  <dd>{number(counts.sent)}</dd>
                </div>
                <div class="figure">
                  <dt>{t.certificates.failed}</dt>
                  <dd>{number(counts.failed)}</dd>
                </div>
                <div class="figure">
                  <dt>{t.certificates.pending}</dt>
                  <dd>{number(counts.pending)}</dd>
                </div>
              </dl>
              {counts.pending > 0 && <p role="status">{t.certificates.running}</p>}
            </div>
          )}
        </Section>
      )}
      {data && data.certificate.enabled && hasEnded(data) && !data.cancelledAt && registrations.data && (
        <>
          <Section title={t.certificates.send} id="send-heading">
            <form
              noValidate
              onSubmit={(submitted) => {
                submitted.preventDefault();
                void send({ include });
              }}
            >
              <fieldset>
                <legend>{t.certificates.who}</legend>
                <div class="field radio">
                  <input type="radio" id="include-attended" name="include" value="attended" checked={include === 'attended'} onChange={() => setInclude('attended')} />
                  <label for="include-attended">{t.certificates.attended(attended.length)}</label>
                </div>
                <div class="field radio">
                  <input type="radio" id="include-confirmed" name="include" value="confirmed" checked={include === 'confirmed'} onChange={() => setInclude('confirmed')} />
                  <label for="include-confirmed">{t.certificates.confirmed(withSeat.length)}</label>
                </div>
              </fieldset>
              <button type="submit" class="button" disabled={busy} data-testid="send-certificates">
                {t.certificates.sendButton}
              </button>
            </form>
          </Section>
          <Section title={t.certificates.resend} id="resend-heading">
            <p class="hint">{t.certificates.resendHint}</p>
            <form
              noValidate
              onSubmit={(submitted) => {
                submitted.preventDefault();
                if (chosen.size === 0) return setResendError(t.certificates.resendNone);
                setResendError(undefined);
                void send({ resend: true, registrationIds: [...chosen] });
              }}
            >
              <InputField id="resend-filter" type="search" label={t.certificates.resendFilter} value={filter} onValue={setFilter} />
              <fieldset aria-describedby={resendError ? 'resend-error' : undefined}>
                <legend>{t.certificates.resendChoose}</legend>
                {resendError && (
                  <p class="field-error" id="resend-error">
                    {resendError}
                  </p>
                )}
                <ul class="choices">
                  {choosable.map((registration) => (
                    <li key={registration.registrationId} class="field checkbox">
                      <input
                        type="checkbox"
                        id={`resend-${registration.registrationId}`}
                        checked={chosen.has(registration.registrationId)}
                        onChange={(change) => {
                          const next = new Set(chosen);
                          if (change.currentTarget.checked) next.add(registration.registrationId);
                          else next.delete(registration.registrationId);
                          setChosen(next);
                        }}
                      />
                      <label for={`resend-${registration.registrationId}`}>
                        {registration.name} <span class="meta">({registration.email})</span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <button type="submit" class="button secondary" disabled={busy} data-testid="resend-certificates">
                {t.certificates.resendButton(chosen.size)}
              </button>
            </form>
          </Section>
        </>
      )}
      {data && (
        <Section title={t.certificates.failedTitle} id="failed-heading">
          <LoadState error={failed.error} loading={!failed.data} onRetry={failed.reload} />
          {failed.data &&
            (failed.data.length === 0 ? (
              <p>{t.certificates.failedNone}</p>
            ) : (
              <table class="data-table responsive" data-testid="failed-mail-table">
                <thead>
                  <tr>
                    <th scope="col">{t.certificates.recipient}</th>
                    <th scope="col">{t.certificates.kind}</th>
                    <th scope="col">{t.certificates.reason}</th>
                    <th scope="col">{t.certificates.attempts}</th>
                    <th scope="col">{t.certificates.when}</th>
                  </tr>
                </thead>
                <tbody>
                  {failed.data.map((mail) => (
                    <tr key={mail.mailId} data-testid="failed-mail-row">
                      <th scope="row" data-label={t.certificates.recipient}>
                        {names.get(mail.registrationId) ?? mail.registrationId}
                      </th>
                      <td data-label={t.certificates.kind}>{t.mailKinds[mail.kind] ?? mail.kind}</td>
                      <td data-label={t.certificates.reason}>{mail.lastError ?? t.common.none}</td>
                      <td data-label={t.certificates.attempts}>{mail.attempts}</td>
                      <td data-label={t.certificates.when}>{formatDateTime(mail.createdAt, language, data.timeZone, 'short')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
        </Section>
      )}
    </>
  );
}
