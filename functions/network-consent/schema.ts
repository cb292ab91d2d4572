import { LANGUAGES } from '../../shared/domain/event';
import { backToPersonalPage } from '../../shared/http/personal-page';
import type { Operation } from '../../shared/schemas/contract';
import { networkConsent } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

export const networkConsentSchema = z
  .strictObject({
    token: z.string().check(z.minLength(1), z.maxLength(200)),
    show: z.enum(['on', 'off']).register(z.globalRegistry, { description: '`on`: show my name, organisation and role to the other participants; `off`: no longer.' }),
    /** The page's language, as the other personal-page buttons send it. */
    language: z.optional(z.enum(LANGUAGES)),
  })
  .register(z.globalRegistry, {
    id: 'NetworkConsentChange',
    description: 'The personal page’s switch for the participant list. A body without a valid token and `show` is answered 404, like a wrong token.',
  });

export const contract = {
  body: { schema: networkConsentSchema, accept: ['json', 'form'], maxBytes: 4 * 1024 },
  responses: {
    200: { description: 'On the participant list, or off it, from now on (twice is once).', content: { 'application/json': networkConsent } },
    303: backToPersonalPage('the choice'),
  },
} satisfies Operation;
