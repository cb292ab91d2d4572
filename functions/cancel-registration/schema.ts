import type { Operation } from '../../shared/schemas/contract';
import { cancellation } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

export const cancelRegistrationSchema = z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(200)) }).register(z.globalRegistry, { id: 'CancelRegistration' });

export const contract = {
  body: { schema: cancelRegistrationSchema, accept: ['json', 'form'], maxBytes: 4 * 1024 },
  responses: {
    200: { description: 'Cancelled (or already cancelled); a freed seat goes to the first person on the waitlist.', content: { 'application/json': cancellation } },
    303: {
      description: "The personal page's form was posted: on to the personal page, which now shows the cancellation.",
      headers: { Location: { description: 'The personal page: `/registrations/{registrationId}?token=…`.', required: true } },
    },
  },
} satisfies Operation;
