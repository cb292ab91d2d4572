import { NotFound } from '../domain/errors';
import { requiresAddressConfirmation, type DataController, type Language } from '../domain/event';
import { needsRetentionEnd, retentionEnd } from '../domain/registration';
import type { EventsDeps } from './deps';

/** What an event's privacy page states: who decides, and until when each part of a registration is kept. */
export interface PrivacyNotice {
  eventId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  language: Language;
  controller?: DataController;
  /** When every registration's personal data is deleted. */
  keptUntil: string;
  /** When accessibility and dietary needs are deleted, before the rest. */
  needsKeptUntil: string;
  /** Whether an unconfirmed registration lapses (and is deleted) after the confirmation window. */
  addressConfirmation: boolean;
}

/** Anyone may read it, before registering too; an unknown event is a 404 like its form. */
export async function getPrivacyNotice(deps: EventsDeps, eventId: string): Promise<PrivacyNotice> {
  const event = await deps.events.get(eventId);
  if (!event || event.deletedAt) throw new NotFound('This event');
  return {
    eventId: event.id,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    language: event.language,
    ...(event.controller ? { controller: event.controller } : {}),
    keptUntil: retentionEnd(event),
    needsKeptUntil: needsRetentionEnd(event),
    addressConfirmation: requiresAddressConfirmation(event),
  };
}
