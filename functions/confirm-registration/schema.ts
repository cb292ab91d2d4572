import type { Operation } from '../../shared/schemas/contract';
import { addressConfirmation } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

export const confirmRegistrationSchema = z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(200)) }).register(z.globalRegistry, { id: 'ConfirmRegistration' });

export const contract = {
  body: { schema: confirmRegistrationSchema, accept: ['json', 'form'], maxBytes: 4 * 1024 },
  responses: {
    200: { description: 'The address is confirmed (or was already): the confirmation or waitlist mail follows.', content: { 'application/json': addressConfirmation } },
    303: {
      description: "The button on the personal page was pressed: on to the personal page, which now shows the registration's status.",
      headers: { Location: { description: 'The personal page: `/registrations/{registrationId}?token=…`.', required: true } },
    },
  },
} satisfies Operation;
