import { personalPageBody } from '../../shared/http/personal-page';
import type { Operation } from '../../shared/schemas/contract';
import { erasure, htmlPage } from '../../shared/schemas/responses';

export const eraseRegistrationSchema = personalPageBody('EraseRegistration');

export const contract = {
  body: { schema: eraseRegistrationSchema, accept: ['json', 'form'], maxBytes: 4 * 1024 },
  responses: {
    200: {
      description: "Erased (or already erased); a held place went to the next person as with a cancellation. The personal page's form gets a page that says so; the link no longer opens anything.",
      content: { 'application/json': erasure, 'text/html': htmlPage },
    },
  },
} satisfies Operation;
