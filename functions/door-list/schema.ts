import { DOOR_ROLES } from '../../shared/http/claims';
import type { Operation } from '../../shared/schemas/contract';
import { doorList } from '../../shared/schemas/responses';

export const contract = {
  roles: DOOR_ROLES,
  responses: { 200: { description: 'Everyone with a seat, by name, with their check-in code and time.', content: { 'application/json': doorList } } },
} satisfies Operation;
