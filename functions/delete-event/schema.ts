import type { Operation } from '../../shared/schemas/contract';
import { eventDeletion } from '../../shared/schemas/responses';

export const contract = {
  responses: {
    200: {
      description: "The event is deleted (or was already): it leaves every list and page, and within minutes every registration's personal data is erased; an anonymous record keeps the counts.",
      content: { 'application/json': eventDeletion },
    },
  },
  conflicts: ['event-not-ended'],
} satisfies Operation;
