import type { Operation } from '../../shared/schemas/contract';
import { publicEvent } from '../../shared/schemas/responses';

export const contract = {
  responses: { 200: { description: 'What a participant may see of the event, and whether registration is open.', content: { 'application/json': publicEvent } } },
} satisfies Operation;
