import * as z from '../../shared/schemas/zod';
import { eventFields } from '../create-event/schema';

/** Any subset of the event's fields; `registrationOpensAt: null` removes the opening time. */
export const updateEventSchema = z
  .partial(z.strictObject({ ...eventFields, registrationOpensAt: z.nullable(eventFields.registrationOpensAt) }))
  .check(z.refine((changes) => Object.keys(changes).length > 0, { error: 'name at least one field to change' }))
  .register(z.globalRegistry, { id: 'UpdateEvent' });

export type UpdateEventInput = z.infer<typeof updateEventSchema>;
