import * as z from '../../shared/schemas/zod';

export const requestCertificatesSchema = z
  .strictObject({
    include: z._default(z.enum(['attended', 'confirmed']), 'attended'),
    resend: z._default(z.boolean(), false),
    registrationIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(z.maxLength(1000))),
  })
  .check(z.refine((request) => !request.resend || (request.registrationIds?.length ?? 0) > 0, { error: 'a resend names the registrationIds to send to', path: ['registrationIds'] }))
  .register(z.globalRegistry, { id: 'RequestCertificates' });
