import { described, type Operation } from '../../shared/schemas/contract';
import { needsSummary } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

export const contract = {
  query: z.object({
    names: z.optional(described(z.enum(['true', 'false']), 'With `true`, each need with the names of the people who have it. Such a read is logged as an access to special-category data.')),
  }),
  responses: { 200: { description: 'The needs of the people with a seat, for catering and the venue.', content: { 'application/json': needsSummary } } },
} satisfies Operation;
