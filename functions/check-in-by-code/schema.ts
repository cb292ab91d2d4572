import { DOOR_ROLES } from '../../shared/http/claims';
import type { Operation } from '../../shared/schemas/contract';
import { checkIn } from '../../shared/schemas/responses';
import { isoDateTime } from '../../shared/schemas/common';
import * as z from '../../shared/schemas/zod';

export const checkInByCodeSchema = z
  .strictObject({
    code: z.string().check(z.trim(), z.minLength(8, { error: 'is the 8-character code from the confirmation mail' }), z.maxLength(20)),
    /** When the door device checked the person in, if it sends this later (offline). */
    at: z.optional(isoDateTime),
  })
  .register(z.globalRegistry, { id: 'CheckInByCode' });

export const contract = {
  body: { schema: checkInByCodeSchema, accept: ['json'], maxBytes: 1024 },
  roles: DOOR_ROLES,
  responses: { 200: { description: 'Checked in (a second time keeps the first check-in time).', content: { 'application/json': checkIn } } },
  conflicts: ['not-confirmed'],
} satisfies Operation;
