import type { Operation } from '../../shared/schemas/contract';
import { adminEvent } from '../../shared/schemas/responses';

export const contract = {
  responses: {
    200: {
      description: 'The event, now cancelled (cancelling twice answers the same): registration is closed, no reminders follow, and every registrant is told.',
      content: { 'application/json': adminEvent },
    },
  },
} satisfies Operation;
