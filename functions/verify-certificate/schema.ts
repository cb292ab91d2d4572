import type { Operation } from '../../shared/schemas/contract';
import { certificateVerification, htmlPage } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

export const contract = {
  headers: z.object({ 'Accept-Language': z.optional(z.string()) }),
  responses: {
    200: {
      description: 'The certificate is real: what is on it, as JSON, or with `Accept: text/html` as a page.',
      content: { 'application/json': certificateVerification, 'text/html': htmlPage },
    },
  },
} satisfies Operation;
