import type { Operation } from '../../shared/schemas/contract';
import { adminEventList } from '../../shared/schemas/responses';

export const contract = {
  responses: { 200: { description: "The organisation's events.", content: { 'application/json': adminEventList } } },
} satisfies Operation;
