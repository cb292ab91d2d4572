import * as z from 'zod';

export const checkInByCodeSchema = z
  .strictObject({ code: z.string().trim().min(8, { error: 'is the 8-character code from the confirmation mail' }).max(20) })
  .meta({ id: 'CheckInByCode' });
