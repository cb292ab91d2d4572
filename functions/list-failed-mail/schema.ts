import type { Operation } from '../../shared/schemas/contract';
import { parkedMailList } from '../../shared/schemas/responses';

export const contract = {
  responses: { 200: { description: 'Mail that could not be delivered after every retry.', content: { 'application/json': parkedMailList } } },
} satisfies Operation;
