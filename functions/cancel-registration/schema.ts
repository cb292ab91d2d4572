import { backToPersonalPage, personalPageBody } from '../../shared/http/personal-page';
import type { Operation } from '../../shared/schemas/contract';
import { cancellation } from '../../shared/schemas/responses';

export const cancelRegistrationSchema = personalPageBody('CancelRegistration');

export const contract = {
  body: { schema: cancelRegistrationSchema, accept: ['json', 'form'], maxBytes: 4 * 1024 },
  responses: {
    200: { description: 'Cancelled (or already cancelled); a freed seat goes to the first person on the waitlist.', content: { 'application/json': cancellation } },
    303: backToPersonalPage('the cancellation'),
  },
} satisfies Operation;
