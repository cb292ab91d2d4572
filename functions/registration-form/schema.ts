import { LANGUAGES } from '../../shared/domain/event';
import { described, type Operation } from '../../shared/schemas/contract';
import { htmlPage } from '../../shared/schemas/responses';
import { FORM_RESULTS } from '../../shared/pages/registration-page';
import * as z from '../../shared/schemas/zod';

export const contract = {
  query: z.object({
    lang: z.optional(described(z.enum(LANGUAGES), 'The page language; else Accept-Language decides, else the event’s language.')),
    status: z.optional(described(z.enum(FORM_RESULTS), 'Show the result of a post (the 303 after the form sets it).')),
    position: z.optional(described(z.string().check(z.regex(/^[1-9]\d*$/)), 'With `status=waitlisted`: the waitlist position.')),
  }),
  headers: z.object({ 'Accept-Language': z.optional(z.string()) }),
  responses: { 200: { description: 'The hosted registration form (or its result page), in Dutch or English; it works without JavaScript.', content: { 'text/html': htmlPage } } },
} satisfies Operation;
