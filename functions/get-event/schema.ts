import type { Operation } from '../../shared/schemas/contract';
import { adminEvent } from '../../shared/schemas/responses';

export const contract = {
  responses: { 200: { description: 'The event with its counts.', content: { 'application/json': adminEvent } } },
} satisfies Operation;
