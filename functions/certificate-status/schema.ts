import type { Operation } from '../../shared/schemas/contract';
import { certificateStatus } from '../../shared/schemas/responses';

export const contract = {
  responses: { 200: { description: 'How far certificate mailing is.', content: { 'application/json': certificateStatus } } },
} satisfies Operation;
