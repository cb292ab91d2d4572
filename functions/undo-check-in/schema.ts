import { DOOR_ROLES } from '../../shared/http/claims';
import type { Operation } from '../../shared/schemas/contract';
import { checkIn } from '../../shared/schemas/responses';

export const contract = {
  roles: DOOR_ROLES,
  responses: { 200: { description: 'No longer checked in.', content: { 'application/json': checkIn } } },
} satisfies Operation;
