import * as z from 'zod';

export const cancelRegistrationSchema = z.strictObject({ token: z.string().min(1).max(200) }).meta({ id: 'CancelRegistration' });
