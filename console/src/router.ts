import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routes, so a reload (or a link sent to a colleague) lands on the same screen and the
 * server only ever serves `/console/`.
 */
export type EventScreen = 'overview' | 'edit' | 'registrations' | 'needs' | 'door' | 'certificates' | 'reminders';

/** `show`: the registrations list's filter, so another screen can link to "who is pending". */
export type Route = { name: 'events' } | { name: 'new-event' } | { name: EventScreen; eventId: string; show?: string } | { name: 'not-found' };

const EVENT_SCREENS: Record<string, EventScreen> = {
  '': 'overview',
  edit: 'edit',
  registrations: 'registrations',
  needs: 'needs',
  door: 'door',
  certificates: 'certificates',
  reminders: 'reminders',
};

export function parseHash(hash: string): Route {
  const [pathPart = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const path = pathPart.replace(/\/+$/, '');
  if (path === '' || path === '/events') return { name: 'events' };
  if (path === '/events/new') return { name: 'new-event' };
  const match = /^\/events\/([^/]+)(?:\/([a-z-]+))?$/.exec(path);
  if (match) {
    const screen = EVENT_SCREENS[match[2] ?? ''];
    let eventId: string | undefined;
    try {
      eventId = decodeURIComponent(match[1]!);
    } catch {
      eventId = undefined;
    }
    const show = screen === 'registrations' ? new URLSearchParams(query).get('show') : null;
    if (screen && eventId) return show ? { name: screen, eventId, show } : { name: screen, eventId };
  }
  return { name: 'not-found' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'events':
    case 'not-found':
      return '#/events';
    case 'new-event':
      return '#/events/new';
    case 'overview':
      return `#/events/${encodeURIComponent(route.eventId)}`;
    default:
      return `#/events/${encodeURIComponent(route.eventId)}/${route.name}${route.show ? `?show=${encodeURIComponent(route.show)}` : ''}`;
  }
}

/** The event id in a door link (`…/console/#/events/<id>/door`), or a bare event id. */
export function eventIdFromDoorInput(input: string): string | undefined {
  const text = input.trim();
  if (text.includes('#')) {
    const route = parseHash(text.slice(text.indexOf('#')));
    return 'eventId' in route ? route.eventId : undefined;
  }
  return /^[A-Za-z0-9_-]{1,64}$/.test(text) ? text : undefined;
}

export function navigate(route: Route): void {
  location.hash = hrefFor(route);
}

/**
 * Set on every navigation; the first screen heading rendered after it takes the focus, so
 * keyboard and screen-reader users start at the new screen's h1 (see Heading).
 */
let headingWantsFocus = false;

export const takeHeadingFocus = (): boolean => {
  const wanted = headingWantsFocus;
  headingWantsFocus = false;
  return wanted;
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => {
      headingWantsFocus = true;
      setRoute(parseHash(location.hash));
    };
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
