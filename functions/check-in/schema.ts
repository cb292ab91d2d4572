import { DOOR_ROLES } from '../../shared/http/claims';
import type { Operation } from '../../shared/schemas/contract';
import { isoDateTime } from '../../shared/schemas/common';
import { checkIn } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

/** Optional: when the door device checked the person in, if it sends this later (offline). */
export const checkInSchema = z.strictObject({ at: z.optional(isoDateTime) }).register(z.globalRegistry, { id: 'CheckInAt' });

export const contract = {
  body: { schema: checkInSchema, accept: ['json'], maxBytes: 1024, optional: true },
  roles: DOOR_ROLES,
  responses: { 200: { description: 'Checked in (a second time keeps the first check-in time).', content: { 'application/json': checkIn } } },
  conflicts: ['not-confirmed'],
} satisfies Operation;
