import type { Operation } from '../../shared/schemas/contract';
import { cancellation } from '../../shared/schemas/responses';

export const contract = {
  responses: { 200: { description: 'Cancelled (or already cancelled); a freed seat goes to the first person on the waitlist.', content: { 'application/json': cancellation } } },
} satisfies Operation;
