import type { Operation } from '../../shared/schemas/contract';
import { adminEvent } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';
import { eventFields } from '../create-event/schema';

/** Any subset of the event's fields; `null` removes the opening time or the controller. */
export const updateEventSchema = z
  .partial(z.strictObject({ ...eventFields, registrationOpensAt: z.nullable(eventFields.registrationOpensAt), controller: z.nullable(eventFields.controller) }))
  .check(z.refine((changes) => Object.keys(changes).length > 0, { error: 'name at least one field to change' }))
  .register(z.globalRegistry, { id: 'UpdateEvent' });

export type UpdateEventInput = z.infer<typeof updateEventSchema>;

export const contract = {
  body: { schema: updateEventSchema, accept: ['json'], maxBytes: 64 * 1024 },
  responses: {
    200: { description: 'The event as changed. More capacity has promoted from the waitlist; a new time or place is mailed to everyone with a seat.', content: { 'application/json': adminEvent } },
  },
  conflicts: ['event-cancelled', 'capacity-below-confirmed', 'event-changed', 'question-answered'],
} satisfies Operation;
