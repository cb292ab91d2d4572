import { api } from './api';
import type { AdminEvent } from './api-types';
import { useLoad, type Loaded } from './session';

/**
 * The event an event screen is about. The last copy read is shown at once when moving between
 * an event's screens, and read again behind it.
 */
const recent = new Map<string, AdminEvent>();

export function remember(event: AdminEvent): void {
  recent.set(event.id, event);
}

export function useEvent(eventId: string): Loaded<AdminEvent> {
  const loaded = useLoad(async () => {
    const event = await api.getEvent(eventId);
    remember(event);
    return event;
  }, [eventId]);
  const data = loaded.data?.id === eventId ? loaded.data : recent.get(eventId);
  return {
    ...loaded,
    data,
    setData(event) {
      remember(event);
      loaded.setData(event);
    },
  };
}

/** One message carried to the next screen ("The event was created."). */
let flash: string | undefined;

export function setFlash(message: string): void {
  flash = message;
}

export function takeFlash(): string | undefined {
  const message = flash;
  flash = undefined;
  return message;
}

export const hasEnded = (event: Pick<AdminEvent, 'endsAt'>, now = Date.now()) => Date.parse(event.endsAt) <= now;
