import type { ComponentChildren } from 'preact';
import type { AdminEvent } from '../api-types';
import { Heading } from '../components';
import { useI18n } from '../i18n';
import { hrefFor, type EventScreen } from '../router';
import { useSession } from '../session';
import { formatDateTime } from '../time';

const SCREENS: EventScreen[] = ['overview', 'registrations', 'needs', 'door', 'certificates', 'reminders', 'edit'];

/** The event's screens as tabs; a door account has only the door, so no tabs. */
export function EventNav({ eventId, current }: { eventId: string; current: EventScreen }) {
  const { t } = useI18n();
  const { session } = useSession();
  if (session.role !== 'organiser') return null;
  return (
    <nav class="event-nav" aria-label={t.nav.event}>
      <ul>
        {SCREENS.map((screen) => (
          <li key={screen}>
            <a href={hrefFor({ name: screen, eventId })} aria-current={screen === current ? 'page' : undefined} data-testid={`event-nav-${screen}`}>
              {t.screens[screen]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Breadcrumb, the screen's h1 and the event's tabs. */
export function EventHeader({ event, screen, title }: { event: Pick<AdminEvent, 'id' | 'title' | 'startsAt' | 'timeZone'> & { cancelledAt?: string; cancelled?: boolean }; screen: EventScreen; title?: string }) {
  const { t, language } = useI18n();
  const cancelled = Boolean(event.cancelledAt ?? event.cancelled);
  return (
    <header class="screen-header">
      <p class="eyebrow">
        <a href="#/events">{t.nav.events}</a>
        <span aria-hidden="true"> › </span>
        {screen === 'overview' ? formatDateTime(event.startsAt, language, event.timeZone) : event.title}
        {cancelled && <span class="badge cancelled">{t.common.cancelled}</span>}
      </p>
      <Heading>{title ?? (screen === 'overview' ? event.title : t.screens[screen])}</Heading>
      <EventNav eventId={event.id} current={screen} />
    </header>
  );
}

export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
