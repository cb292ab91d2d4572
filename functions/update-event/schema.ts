import * as z from 'zod';
import { eventFields } from '../create-event/schema';

/** Any subset of the event's fields; `registrationOpensAt: null` removes the opening time. */
export const updateEventSchema = z
  .strictObject({ ...eventFields, registrationOpensAt: eventFields.registrationOpensAt.nullable() })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, { error: 'name at least one field to change' })
  .meta({ id: 'UpdateEvent' });

export type UpdateEventInput = z.infer<typeof updateEventSchema>;
