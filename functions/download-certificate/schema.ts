import { described, type Operation } from '../../shared/schemas/contract';
import { pdfFile } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

export const contract = {
  query: z.object({ token: described(z.string(), 'The token from the participant’s mail; a wrong or missing one is answered 404, like an unknown registration.') }),
  responses: {
    200: {
      description: 'The certificate of attendance: a one-page A4 PDF.',
      content: { 'application/pdf': pdfFile },
      headers: { 'Content-Disposition': { description: 'attachment; filename="certificate-<number>.pdf"', required: true } },
    },
  },
} satisfies Operation;
