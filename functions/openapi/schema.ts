import type { Operation } from '../../shared/schemas/contract';
import { openApiDocument } from '../../shared/schemas/responses';

export const contract = {
  responses: { 200: { description: 'This OpenAPI 3.1 document.', content: { 'application/json': openApiDocument } } },
} satisfies Operation;
