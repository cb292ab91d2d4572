import { LANGUAGES } from '../../shared/domain/event';
import { described, type Operation } from '../../shared/schemas/contract';
import { htmlPage, participantRegistration } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

export const contract = {
  query: z.object({
    token: described(z.string(), 'The token from the participant’s mail; a wrong or missing one is answered 404, like an unknown registration.'),
    lang: z.optional(described(z.enum(LANGUAGES), 'The page language; else the registration’s language.')),
    release: z.optional(described(z.literal('1'), "Show the confirmation step of the reminder's “I can't come — give my seat to the next person”.")),
    erase: z.optional(described(z.literal('1'), 'Show the confirmation step of “delete my data”.')),
  }),
  responses: {
    200: {
      description: 'The personal page (HTML, with one button to cancel or leave the waitlist), or with `Accept: application/json` the registration’s status. Reading never changes anything.',
      content: { 'text/html': htmlPage, 'application/json': participantRegistration },
    },
  },
} satisfies Operation;
