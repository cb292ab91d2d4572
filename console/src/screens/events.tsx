import { useState } from 'preact/hooks';
import { api } from '../api';
import type { AdminEvent } from '../api-types';
import { Heading, InputField, LoadState, Notice } from '../components';
import { storedDoors } from '../door-store';
import { remember, takeFlash } from '../event-data';
import { useI18n } from '../i18n';
import { eventIdFromDoorInput, hrefFor, navigate } from '../router';
import { useLoad, useSession } from '../session';
import { formatDateTime } from '../time';

function EventItem({ event }: { event: AdminEvent }) {
  const { t, language } = useI18n();
  return (
    <li class="event-item" data-testid="event-row" data-event-id={event.id}>
      <h3>
        <a href={hrefFor({ name: 'overview', eventId: event.id })}>{event.title}</a>
        {event.cancelledAt && <span class="badge cancelled">{t.common.cancelled}</span>}
      </h3>
      <p class="meta">
        {formatDateTime(event.startsAt, language, event.timeZone)} · {event.venue.name}
      </p>
      <p class="meta">
        {t.events.seats(event.counts.confirmed, event.capacity)}
        {event.counts.waitlisted > 0 && ` · ${t.events.waitlist(event.counts.waitlisted)}`}
      </p>
      <p class="item-links">
        <a href={hrefFor({ name: 'registrations', eventId: event.id })}>{t.screens.registrations}</a>
        <a href={hrefFor({ name: 'door', eventId: event.id })}>{t.screens.door}</a>
      </p>
    </li>
  );
}

export function EventsScreen() {
  const { t } = useI18n();
  const [flash] = useState(takeFlash);
  const events = useLoad(async () => {
    const list = await api.listEvents();
    list.items.forEach(remember);
    return list.items;
  }, []);
  const now = Date.now();
  const items = events.data ?? [];
  const upcoming = items.filter((event) => Date.parse(event.endsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = items.filter((event) => Date.parse(event.endsAt) <= now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <>
      <header class="screen-header">
        <Heading>{t.events.title}</Heading>
        <p>
          <a class="button" href={hrefFor({ name: 'new-event' })} data-testid="new-event">
            {t.events.create}
          </a>
        </p>
      </header>
      {flash && <Notice kind="success">{flash}</Notice>}
      <LoadState error={events.error} loading={events.loading && !events.data} onRetry={events.reload} />
      {events.data && (
        <>
          <section class="panel" aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">{t.events.upcoming}</h2>
            {upcoming.length === 0 ? (
              <p>{t.events.noneUpcoming}</p>
            ) : (
              <ul class="event-list" data-testid="upcoming-events">
                {upcoming.map((event) => (
                  <EventItem key={event.id} event={event} />
                ))}
              </ul>
            )}
          </section>
          <section class="panel" aria-labelledby="past-heading">
            <h2 id="past-heading">{t.events.past}</h2>
            {past.length === 0 ? (
              <p>{t.events.nonePast}</p>
            ) : (
              <ul class="event-list" data-testid="past-events">
                {past.map((event) => (
                  <EventItem key={event.id} event={event} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}

/**
 * Where a door account starts: the organisation's events it may open the door of (titles and
 * times only), a field for the link an organiser shares, and the lists already on this device.
 */
export function DoorEventsScreen() {
  const { t, language } = useI18n();
  const [input, setInput] = useState('');
  const [error, setError] = useState<string>();
  const { session } = useSession();
  const doors = storedDoors(localStorage, session.organisationId ?? '');
  const events = useLoad(() => api.doorEvents(), []);
  return (
    <>
      <header class="screen-header">
        <Heading>{t.events.doorTitle}</Heading>
      </header>
      <section class="panel" aria-labelledby="door-events-heading">
        <h2 id="door-events-heading">{t.events.doorEvents}</h2>
        <LoadState error={events.error} loading={events.loading && !events.data} onRetry={events.reload} />
        {events.data &&
          (events.data.items.length === 0 ? (
            <p>{t.events.doorEventsNone}</p>
          ) : (
            <ul class="event-list" data-testid="door-events">
              {events.data.items.map((event) => (
                <li class="event-item" key={event.id} data-testid="event-row" data-event-id={event.id}>
                  <h3>
                    <a href={hrefFor({ name: 'door', eventId: event.id })}>{event.title}</a>
                  </h3>
                  <p class="meta">
                    {formatDateTime(event.startsAt, language, event.timeZone)} · {event.venue.name}
                  </p>
                </li>
              ))}
            </ul>
          ))}
      </section>
      <section class="panel">
        <p>{t.events.doorIntro}</p>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const eventId = eventIdFromDoorInput(input);
            if (!eventId) return setError(t.events.doorInvalid);
            navigate({ name: 'door', eventId });
          }}
        >
          <InputField id="door-link" label={t.events.doorField} hint={t.events.doorFieldHint} error={error} value={input} onValue={setInput} required />
          <button type="submit" class="button">
            {t.events.doorOpen}
          </button>
        </form>
      </section>
      <section class="panel" aria-labelledby="stored-heading">
        <h2 id="stored-heading">{t.events.doorStored}</h2>
        {doors.length === 0 ? (
          <p>{t.events.doorStoredNone}</p>
        ) : (
          <ul class="event-list" data-testid="stored-doors">
            {doors.map((door) => (
              <li class="event-item" key={door.eventId} data-testid="event-row" data-event-id={door.eventId}>
                <h3>
                  <a href={hrefFor({ name: 'door', eventId: door.eventId })}>{door.title ?? door.eventId}</a>
                </h3>
                {door.startsAt && <p class="meta">{formatDateTime(door.startsAt, language, door.timeZone)}</p>}
                {door.pending.length > 0 && <p class="meta warning-text">{t.events.doorWaiting(door.pending.length)}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
