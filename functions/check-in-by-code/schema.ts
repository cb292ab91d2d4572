import * as z from '../../shared/schemas/zod';

export const checkInByCodeSchema = z
  .strictObject({ code: z.string().check(z.trim(), z.minLength(8, { error: 'is the 8-character code from the confirmation mail' }), z.maxLength(20)) })
  .register(z.globalRegistry, { id: 'CheckInByCode' });
