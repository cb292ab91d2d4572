import { backToPersonalPage, personalPageBody } from '../../shared/http/personal-page';
import type { Operation } from '../../shared/schemas/contract';
import { addressConfirmation } from '../../shared/schemas/responses';

export const confirmRegistrationSchema = personalPageBody('ConfirmRegistration');

export const contract = {
  body: { schema: confirmRegistrationSchema, accept: ['json', 'form'], maxBytes: 4 * 1024 },
  responses: {
    200: { description: 'The address is confirmed (or was already): the confirmation or waitlist mail follows.', content: { 'application/json': addressConfirmation } },
    303: backToPersonalPage("the registration's status"),
  },
  conflicts: ['event-cancelled'],
} satisfies Operation;
