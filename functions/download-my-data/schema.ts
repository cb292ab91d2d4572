import { described, type Operation } from '../../shared/schemas/contract';
import { personalData } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

export const contract = {
  query: z.object({
    token: described(z.string(), 'The token from the participant’s mail; a wrong or missing one is answered 404, like an unknown registration.'),
  }),
  responses: {
    200: {
      description: 'Everything stored about the participant for this event, as a JSON file to keep.',
      content: { 'application/json': personalData },
      headers: { 'Content-Disposition': { description: 'attachment; filename="my-data-<registrationId>.json"', required: true } },
    },
  },
} satisfies Operation;
