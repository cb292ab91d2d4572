import type { Operation } from '../../shared/schemas/contract';
import { reminderList } from '../../shared/schemas/responses';

export const contract = {
  responses: { 200: { description: "The event's reminders: due time (UTC and event-local), state and mails sent.", content: { 'application/json': reminderList } } },
} satisfies Operation;
