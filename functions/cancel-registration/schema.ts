import * as z from '../../shared/schemas/zod';

export const cancelRegistrationSchema = z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(200)) }).register(z.globalRegistry, { id: 'CancelRegistration' });
