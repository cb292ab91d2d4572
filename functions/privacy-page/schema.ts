import { LANGUAGES } from '../../shared/domain/event';
import { described, type Operation } from '../../shared/schemas/contract';
import { htmlPage } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

export const contract = {
  query: z.object({
    lang: z.optional(described(z.enum(LANGUAGES), 'The page language; else Accept-Language decides, else the event’s language.')),
  }),
  headers: z.object({ 'Accept-Language': z.optional(z.string()) }),
  responses: {
    200: {
      description: 'The event’s privacy statement, in Dutch or English: who is responsible, what is collected and why, until which dates it is kept, who sees it, where it is stored and how to use one’s rights.',
      content: { 'text/html': htmlPage },
    },
  },
} satisfies Operation;
