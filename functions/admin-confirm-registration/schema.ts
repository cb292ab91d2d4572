import type { Operation } from '../../shared/schemas/contract';
import { addressConfirmation } from '../../shared/schemas/responses';

export const contract = {
  responses: {
    200: {
      description: "Confirmed on the person's behalf (or already confirmed): their hold no longer lapses, and the confirmation or waitlist mail goes out.",
      content: { 'application/json': addressConfirmation },
    },
  },
  conflicts: ['event-cancelled'],
} satisfies Operation;
