import { useMemo, useState } from 'preact/hooks';
import { api, ApiError, SessionExpired } from '../api';
import type { AdminEvent } from '../api-types';
import { CheckboxField, ErrorSummary, Heading, InputField, LoadState, Notice, SelectField, TextAreaField, type SummaryError } from '../components';
import { remember, setFlash, useEvent } from '../event-data';
import {
  apiFieldErrors,
  changesFrom,
  createRequest,
  emptyForm,
  fieldId,
  fieldLabel,
  formFromEvent,
  newKey,
  requestFromForm,
  type EventForm,
  type FieldErrors,
} from '../event-form-model';
import { useI18n } from '../i18n';
import { hrefFor, navigate } from '../router';
import { describeError, useSession } from '../session';
import type { CalendarUnit, DurationUnit } from '../time';
import { EventHeader } from './event-frame';

const timeZones = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Amsterdam', 'Europe/Brussels', 'Europe/London', 'UTC'];
  }
})();

/** A period after the event's end as a number and a calendar unit, like the confirmation window's row. */
function RetentionRow(props: {
  path: 'retention' | 'needsRetention';
  legend: string;
  hint: string;
  amount: string;
  unit: CalendarUnit;
  onAmount(value: string): void;
  onUnit(value: CalendarUnit): void;
  error?: string;
  min?: string;
}) {
  const { t } = useI18n();
  const id = fieldId(props.path);
  const units = (Object.keys(t.form.calendarUnits) as CalendarUnit[]).map((unit) => ({ value: unit, label: t.form.calendarUnits[unit] }));
  return (
    <fieldset class="row-item" aria-describedby={`${id}-legend-hint`}>
      <legend>{props.legend}</legend>
      <p class="hint" id={`${id}-legend-hint`}>
        {props.hint}
      </p>
      <div class="field-row compact">
        <InputField id={id} type="number" inputMode="numeric" min={props.min ?? '1'} step="1" label={t.form.retentionAmount} value={props.amount} onValue={props.onAmount} error={props.error} />
        <SelectField id={`${id}-unit`} label={t.form.retentionUnit} value={props.unit} onValue={props.onUnit} options={units} />
      </div>
    </fieldset>
  );
}

function Form({ original, event }: { original: EventForm; event?: AdminEvent }) {
  const { t, language } = useI18n();
  const { signInAgain } = useSession();
  const [form, setForm] = useState(original);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const set = <K extends keyof EventForm>(key: K) => (value: EventForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const error = (path: string) => errors[path];
  const locked = Boolean(event?.cancelledAt);

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    setSummary(
      Object.entries(found).map(([path, text]) => {
        const target = document.getElementById(fieldId(path)) ? fieldId(path) : undefined;
        return { target, message: path.startsWith('(') ? text : `${fieldLabel(path, t)}: ${text}` };
      }),
    );
  };

  const submit = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    setMessage(undefined);
    const { request, errors: found } = requestFromForm(form, t);
    if (!request) return showErrors(found);
    const changes = event ? changesFrom(original, request, t) : undefined;
    if (changes && Object.keys(changes).length === 0) {
      showErrors({});
      return setMessage(t.form.nothingChanged);
    }
    setBusy(true);
    try {
      const saved = event ? await api.updateEvent(event.id, changes!) : await api.createEvent(createRequest(request));
      remember(saved);
      setFlash(event ? t.form.updated : t.form.created);
      navigate({ name: 'overview', eventId: saved.id });
    } catch (failure) {
      if (failure instanceof SessionExpired) signInAgain();
      if (failure instanceof ApiError && failure.problem?.errors?.length) showErrors(apiFieldErrors(failure.problem.errors));
      else showErrors({ '(request)': describeError(failure, t) });
    } finally {
      setBusy(false);
    }
  };

  const programme = (index: number, change: Partial<EventForm['programme'][number]>) =>
    setForm((current) => ({ ...current, programme: current.programme.map((row, at) => (at === index ? { ...row, ...change } : row)) }));
  const reminder = (index: number, change: Partial<EventForm['reminders'][number]>) =>
    setForm((current) => ({ ...current, reminders: current.reminders.map((row, at) => (at === index ? { ...row, ...change } : row)) }));
  const unitOptions = (Object.keys(t.form.units) as DurationUnit[]).map((unit) => ({ value: unit, label: t.form.units[unit] }));
  const windowUnitOptions = (Object.keys(t.form.windowUnits) as DurationUnit[]).map((unit) => ({ value: unit, label: t.form.windowUnits[unit] }));

  return (
    <form class="event-form" noValidate onSubmit={submit} data-testid="event-form">
      <ErrorSummary errors={summary} />
      {message && <Notice>{message}</Notice>}
      {locked && <Notice kind="warning">{t.form.cancelledEvent}</Notice>}
      <fieldset disabled={locked || busy}>
        <fieldset class="panel">
          <legend>{t.form.basics}</legend>
          <InputField id={fieldId('title')} label={t.form.title} value={form.title} onValue={set('title')} error={error('title')} required />
          <TextAreaField id={fieldId('description')} label={t.form.description} value={form.description} onValue={set('description')} error={error('description')} rows={5} />
          <SelectField
            id={fieldId('language')}
            label={t.form.language}
            hint={t.form.languageHint}
            value={form.language}
            onValue={set('language')}
            error={error('language')}
            options={[
              { value: 'nl', label: t.form.languages.nl },
              { value: 'en', label: t.form.languages.en },
            ]}
          />
        </fieldset>

        <fieldset class="panel">
          <legend>{t.form.when}</legend>
          <InputField
            id={fieldId('timeZone')}
            label={t.form.timeZone}
            hint={t.form.timeZoneHint}
            value={form.timeZone}
            onValue={set('timeZone')}
            error={error('timeZone')}
            list="time-zones"
            spellcheck={false}
            autoCapitalize="off"
            required
          />
          <datalist id="time-zones">
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <div class="field-row">
            <InputField id={fieldId('startsAt')} type="datetime-local" label={t.form.startsAt} hint={t.form.dateTimeHint} value={form.startsAt} onValue={set('startsAt')} error={error('startsAt')} required />
            <InputField id={fieldId('endsAt')} type="datetime-local" label={t.form.endsAt} hint={t.form.dateTimeHint} value={form.endsAt} onValue={set('endsAt')} error={error('endsAt')} required />
          </div>
        </fieldset>

        <fieldset class="panel">
          <legend>{t.form.where}</legend>
          <InputField id={fieldId('venue.name')} label={t.form.venueName} hint={t.form.venueNameHint} value={form.venueName} onValue={set('venueName')} error={error('venue.name')} required />
          <InputField id={fieldId('venue.address')} label={t.form.venueAddress} value={form.venueAddress} onValue={set('venueAddress')} error={error('venue.address')} autoComplete="street-address" />
          <InputField
            id={fieldId('venue.onlineUrl')}
            type="url"
            inputMode="url"
            label={t.form.onlineUrl}
            hint={t.form.onlineUrlHint}
            value={form.onlineUrl}
            onValue={set('onlineUrl')}
            error={error('venue.onlineUrl')}
          />
          {event && <p class="hint">{t.form.movedNotice}</p>}
        </fieldset>

        <fieldset class="panel">
          <legend>{t.form.places}</legend>
          <InputField id={fieldId('capacity')} type="number" inputMode="numeric" min="1" step="1" label={t.form.capacity} value={form.capacity} onValue={set('capacity')} error={error('capacity')} required />
          <CheckboxField id={fieldId('waitlistEnabled')} label={t.form.waitlist} hint={t.form.waitlistHint} checked={form.waitlistEnabled} onChecked={set('waitlistEnabled')} error={error('waitlistEnabled')} />
          <div class="field-row">
            <InputField id={fieldId('registrationOpensAt')} type="datetime-local" label={t.form.opensAt} hint={t.form.opensAtHint} value={form.opensAt} onValue={set('opensAt')} error={error('registrationOpensAt')} />
            <InputField id={fieldId('registrationClosesAt')} type="datetime-local" label={t.form.closesAt} hint={t.form.closesAtHint} value={form.closesAt} onValue={set('closesAt')} error={error('registrationClosesAt')} />
          </div>
        </fieldset>

        <fieldset class="panel">
          <legend>{t.form.confirmation}</legend>
          <CheckboxField
            id={fieldId('emailConfirmation')}
            label={t.form.confirmationRequired}
            hint={t.form.confirmationHint}
            checked={form.confirmationRequired}
            onChecked={set('confirmationRequired')}
            error={error('emailConfirmation')}
          />
          {form.confirmationRequired && (
            <fieldset class="row-item" aria-describedby="confirmation-window-hint">
              <legend>{t.form.confirmationWindow}</legend>
              <p class="hint" id="confirmation-window-hint">
                {t.form.confirmationWindowHint}
              </p>
              <div class="field-row compact">
                <InputField
                  id={fieldId('confirmationWindow')}
                  type="number"
                  inputMode="numeric"
                  min="1"
                  step="1"
                  label={t.form.confirmationAmount}
                  value={form.confirmationAmount}
                  onValue={set('confirmationAmount')}
                  error={error('confirmationWindow')}
                />
                <SelectField
                  id={`${fieldId('confirmationWindow')}-unit`}
                  label={t.form.confirmationUnit}
                  value={form.confirmationUnit}
                  onValue={set('confirmationUnit')}
                  options={windowUnitOptions}
                />
              </div>
            </fieldset>
          )}
        </fieldset>

        <fieldset class="panel">
          <legend>{t.form.programme}</legend>
          {error('programme') && <p class="field-error">{error('programme')}</p>}
          {form.programme.length === 0 && <p>{t.form.programmeEmpty}</p>}
          <ol class="rows">
            {form.programme.map((row, index) => (
              <li key={row.key} class="row-item">
                <fieldset>
                  <legend>{t.form.programmeItem(index + 1)}</legend>
                  <div class="field-row">
                    <InputField id={fieldId(`programme.${index}.startsAt`)} type="datetime-local" label={t.form.programmeTime} value={row.time} onValue={(value) => programme(index, { time: value })} error={error(`programme.${index}.startsAt`)} required />
                    <InputField id={fieldId(`programme.${index}.title`)} label={t.form.programmeTitle} value={row.title} onValue={(value) => programme(index, { title: value })} error={error(`programme.${index}.title`)} required />
                    <InputField id={fieldId(`programme.${index}.speaker`)} label={t.form.programmeSpeaker} value={row.speaker} onValue={(value) => programme(index, { speaker: value })} error={error(`programme.${index}.speaker`)} />
                  </div>
                  <button type="button" class="button secondary small" onClick={() => setForm((current) => ({ ...current, programme: current.programme.filter((_row, at) => at !== index) }))}>
                    {t.form.programmeRemove(index + 1)}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
          <button
            type="button"
            class="button secondary"
            onClick={() =>
              setForm((current) => ({
                ...current,
                programme: [...current.programme, { key: newKey(), time: current.programme.at(-1)?.time ?? current.startsAt, title: '', speaker: '' }],
              }))
            }
          >
            {t.form.programmeAdd}
          </button>
        </fieldset>

        <fieldset class="panel">
          <legend>{t.form.reminders}</legend>
          <p class="hint">{t.form.remindersHint}</p>
          {error('reminders') && <p class="field-error">{error('reminders')}</p>}
          {form.reminders.length === 0 && form.otherReminders.length === 0 && <p>{t.form.remindersEmpty}</p>}
          <ol class="rows">
            {form.reminders.map((row, index) => (
              <li key={row.key} class="row-item">
                <fieldset>
                  <legend>{t.form.reminder(index + 1)}</legend>
                  <div class="field-row compact">
                    <InputField id={fieldId(`reminders.${index}`)} type="number" inputMode="numeric" min="1" step="1" label={t.form.reminderAmount} value={row.amount} onValue={(value) => reminder(index, { amount: value })} error={error(`reminders.${index}`)} />
                    <SelectField id={`${fieldId(`reminders.${index}`)}-unit`} label={t.form.reminderUnit} value={row.unit} onValue={(value) => reminder(index, { unit: value })} options={unitOptions} />
                  </div>
                  <button type="button" class="button secondary small" onClick={() => setForm((current) => ({ ...current, reminders: current.reminders.filter((_row, at) => at !== index) }))}>
                    {t.form.reminderRemove(index + 1)}
                  </button>
                </fieldset>
              </li>
            ))}
            {form.otherReminders.map((offset) => (
              <li key={offset} class="row-item">
                <code>{offset}</code>
              </li>
            ))}
          </ol>
          <button type="button" class="button secondary" onClick={() => setForm((current) => ({ ...current, reminders: [...current.reminders, { key: newKey(), amount: '1', unit: 'days' }] }))}>
            {t.form.reminderAdd}
          </button>
        </fieldset>

        <fieldset class="panel">
          <legend>{t.form.certificate}</legend>
          <CheckboxField id={fieldId('certificate.enabled')} label={t.form.certificateEnabled} checked={form.certificateEnabled} onChecked={set('certificateEnabled')} error={error('certificate.enabled')} />
          {form.certificateEnabled && (
            <>
              <InputField id={fieldId('certificate.hours')} inputMode="decimal" label={t.form.hours} hint={t.form.hoursHint} value={form.hours} onValue={set('hours')} error={error('certificate.hours')} />
              <InputField id={fieldId('certificate.organiserName')} label={t.form.organiserName} value={form.organiserName} onValue={set('organiserName')} error={error('certificate.organiserName')} />
              <div class="field-row">
                <InputField id={fieldId('certificate.signatoryName')} label={t.form.signatoryName} value={form.signatoryName} onValue={set('signatoryName')} error={error('certificate.signatoryName')} />
                <InputField id={fieldId('certificate.signatoryTitle')} label={t.form.signatoryTitle} value={form.signatoryTitle} onValue={set('signatoryTitle')} error={error('certificate.signatoryTitle')} />
              </div>
              <TextAreaField id={fieldId('certificate.description')} label={t.form.certificateDescription} value={form.certificateDescription} onValue={set('certificateDescription')} error={error('certificate.description')} rows={3} />
            </>
          )}
        </fieldset>

        <fieldset class="panel" data-testid="privacy-settings">
          <legend>{t.form.privacy}</legend>
          <p class="hint">
            {t.form.privacyHint}
            {event && (
              <>
                {' '}
                <a href={`/events/${encodeURIComponent(event.id)}/privacy?lang=${language}`} target="_blank" rel="noopener">
                  {t.form.privacyPage}
                </a>
              </>
            )}
          </p>
          <fieldset class="row-item" aria-describedby="controller-hint">
            <legend>{t.form.controller}</legend>
            <p class="hint" id="controller-hint">
              {t.form.controllerHint}
            </p>
            <InputField id={fieldId('controller.name')} label={t.form.controllerName} value={form.controllerName} onValue={set('controllerName')} error={error('controller.name')} autoComplete="organization" />
            <InputField
              id={fieldId('controller.contact')}
              label={t.form.controllerContact}
              hint={t.form.controllerContactHint}
              value={form.controllerContact}
              onValue={set('controllerContact')}
              error={error('controller.contact')}
              spellcheck={false}
              autoCapitalize="off"
            />
          </fieldset>
          <RetentionRow
            path="retention"
            legend={t.form.retention}
            hint={t.form.retentionHint}
            amount={form.retentionAmount}
            unit={form.retentionUnit}
            onAmount={set('retentionAmount')}
            onUnit={set('retentionUnit')}
            error={error('retention')}
          />
          <RetentionRow
            path="needsRetention"
            legend={t.form.needsRetention}
            hint={t.form.needsRetentionHint}
            amount={form.needsRetentionAmount}
            unit={form.needsRetentionUnit}
            onAmount={set('needsRetentionAmount')}
            onUnit={set('needsRetentionUnit')}
            error={error('needsRetention')}
            min="0"
          />
        </fieldset>
      </fieldset>
      <div class="actions">
        <button type="submit" class="button" disabled={busy || locked} data-testid="save-event">
          {busy ? t.common.busy : event ? t.form.save : t.form.create}
        </button>
        <a class="button secondary" href={event ? hrefFor({ name: 'overview', eventId: event.id }) : '#/events'}>
          {t.form.cancelEdit}
        </a>
      </div>
      <p class="visually-hidden" role="status">
        {busy ? t.common.busy : ''}
      </p>
    </form>
  );
}

export function NewEventScreen() {
  const { t, language } = useI18n();
  const original = useMemo(() => emptyForm(language), []);
  return (
    <>
      <header class="screen-header">
        <p class="eyebrow">
          <a href="#/events">{t.nav.events}</a>
        </p>
        <Heading>{t.form.createTitle}</Heading>
      </header>
      <Form original={original} />
    </>
  );
}

export function EditEventScreen({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const event = useEvent(eventId);
  const loaded = event.data && !event.loading ? event.data : undefined;
  const original = useMemo(() => (loaded ? formFromEvent(loaded) : undefined), [loaded]);
  return (
    <>
      {event.data && <EventHeader event={event.data} screen="edit" title={t.form.editTitle} />}
      <LoadState error={event.error} loading={!original} onRetry={event.reload} />
      {loaded && original && <Form key={loaded.updatedAt} original={original} event={loaded} />}
    </>
  );
}
