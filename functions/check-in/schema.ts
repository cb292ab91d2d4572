import { DOOR_ROLES } from '../../shared/http/claims';
import type { Operation } from '../../shared/schemas/contract';
import { checkIn } from '../../shared/schemas/responses';

export const contract = {
  roles: DOOR_ROLES,
  responses: { 200: { description: 'Checked in (a second time keeps the first check-in time).', content: { 'application/json': checkIn } } },
  conflicts: ['not-confirmed'],
} satisfies Operation;
