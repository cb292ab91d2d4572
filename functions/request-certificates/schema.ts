import * as z from 'zod';

export const requestCertificatesSchema = z
  .strictObject({
    include: z.enum(['attended', 'confirmed']).default('attended'),
    resend: z.boolean().default(false),
    registrationIds: z.array(z.string().min(1).max(40)).max(1000).optional(),
  })
  .refine((request) => !request.resend || (request.registrationIds?.length ?? 0) > 0, { error: 'a resend names the registrationIds to send to', path: ['registrationIds'] })
  .meta({ id: 'RequestCertificates' });
