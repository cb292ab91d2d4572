import type { Operation } from '../../shared/schemas/contract';
import { erasure } from '../../shared/schemas/responses';

export const contract = {
  responses: {
    200: {
      description: "The person's data is erased (or was already): a held place went to the next person, as with a cancellation, without a mail; an anonymous record keeps the counts right.",
      content: { 'application/json': erasure },
    },
  },
} satisfies Operation;
