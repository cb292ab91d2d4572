import { api } from '../api';
import { LoadState } from '../components';
import { useEvent } from '../event-data';
import { useI18n, type Messages } from '../i18n';
import { useLoad } from '../session';
import { formatDateTime, formatNumber, splitDuration } from '../time';
import { EventHeader } from './event-frame';

export function describeOffset(offset: string | undefined, t: Messages): string {
  if (!offset) return t.common.none;
  const split = splitDuration(offset);
  return split ? t.reminders.before(t.durations[split.unit](split.amount)) : offset;
}

export function RemindersScreen({ eventId }: { eventId: string }) {
  const { t, language } = useI18n();
  const event = useEvent(eventId);
  const reminders = useLoad(() => api.reminders(eventId).then((list) => list.items), [eventId]);
  return (
    <>
      {event.data && <EventHeader event={event.data} screen="reminders" />}
      <LoadState error={reminders.error ?? event.error} loading={!reminders.data || !event.data} onRetry={() => (reminders.reload(), event.reload())} />
      {reminders.data &&
        event.data &&
        (reminders.data.length === 0 ? (
          <p>{t.reminders.none}</p>
        ) : (
          <table class="data-table responsive" data-testid="reminders-table">
            <caption class="visually-hidden">{t.reminders.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.reminders.offset}</th>
                <th scope="col">{t.reminders.due}</th>
                <th scope="col">{t.reminders.state}</th>
                <th scope="col">{t.reminders.sent}</th>
              </tr>
            </thead>
            <tbody>
              {reminders.data.map((reminder) => (
                <tr key={`${reminder.offset}-${reminder.dueAt}`} data-testid="reminder-row" data-state={reminder.state}>
                  <th scope="row" data-label={t.reminders.offset}>
                    {describeOffset(reminder.offset, t)}
                  </th>
                  <td data-label={t.reminders.due}>
                    {formatDateTime(reminder.dueAt, language, reminder.timeZone)} <span class="meta">({reminder.timeZone})</span>
                  </td>
                  <td data-label={t.reminders.state}>
                    <span class={`badge state-${reminder.state}`}>{t.reminderStates[reminder.state] ?? reminder.state}</span>
                  </td>
                  <td data-label={t.reminders.sent}>{formatNumber(reminder.sent, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </>
  );
}
