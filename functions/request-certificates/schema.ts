import type { Operation } from '../../shared/schemas/contract';
import { certificatesRequested } from '../../shared/schemas/responses';
import * as z from '../../shared/schemas/zod';

export const requestCertificatesSchema = z
  .strictObject({
    include: z._default(z.enum(['attended', 'confirmed']), 'attended'),
    resend: z._default(z.boolean(), false),
    registrationIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(z.maxLength(1000))),
  })
  .check(z.refine((request) => !request.resend || (request.registrationIds?.length ?? 0) > 0, { error: 'a resend names the registrationIds to send to', path: ['registrationIds'] }))
  .register(z.globalRegistry, { id: 'RequestCertificates' });

export const contract = {
  body: { schema: requestCertificatesSchema, accept: ['json'], maxBytes: 64 * 1024, optional: true },
  responses: {
    202: {
      description: 'Mailing has started: each eligible participant gets their certificate once (a resend mails the named registrations again).',
      content: { 'application/json': certificatesRequested },
    },
  },
  conflicts: ['event-not-ended', 'certificates-disabled'],
} satisfies Operation;
