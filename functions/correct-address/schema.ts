import type { Operation } from '../../shared/schemas/contract';
import { registrationListItem } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';
import { emailAddress } from '../../shared/schemas/common';

export const correctAddressSchema = z.strictObject({ email: emailAddress }).register(z.globalRegistry, { id: 'CorrectAddress' });

export const contract = {
  body: { schema: correctAddressSchema, accept: ['json'], maxBytes: 4 * 1024 },
  responses: {
    200: {
      description:
        'The registration with its corrected address: any undeliverable mark is cleared, and the mail the person should have had (the confirmation request while pending, else their confirmation or waitlist mail) goes to the new address.',
      content: { 'application/json': registrationListItem },
    },
  },
  conflicts: ['already-registered', 'registration-cancelled', 'registration-changed'],
} satisfies Operation;
