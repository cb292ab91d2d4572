import { DOOR_ROLES } from '../../shared/http/claims';
import type { Operation } from '../../shared/schemas/contract';
import { doorEventList } from '../../shared/schemas/responses';

export const contract = {
  roles: DOOR_ROLES,
  responses: { 200: { description: "The organisation's events whose door is open or still to come: title, times and place only.", content: { 'application/json': doorEventList } } },
} satisfies Operation;
