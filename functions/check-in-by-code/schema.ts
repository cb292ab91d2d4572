import { DOOR_ROLES } from '../../shared/http/claims';
import type { Operation } from '../../shared/schemas/contract';
import { checkIn } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

export const checkInByCodeSchema = z
  .strictObject({ code: z.string().check(z.trim(), z.minLength(8, { error: 'is the 8-character code from the confirmation mail' }), z.maxLength(20)) })
  .register(z.globalRegistry, { id: 'CheckInByCode' });

export const contract = {
  body: { schema: checkInByCodeSchema, accept: ['json'], maxBytes: 1024 },
  roles: DOOR_ROLES,
  responses: { 200: { description: 'Checked in (a second time keeps the first check-in time).', content: { 'application/json': checkIn } } },
  conflicts: ['not-confirmed'],
} satisfies Operation;
