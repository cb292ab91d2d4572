import * as z from 'zod';
import { language, personText } from '../../shared/schemas/common';

export const registrationSchema = z
  .strictObject({
    name: personText(200).pipe(z.string().min(1, { error: 'is required' })),
    email: z.email({ error: 'must be an email address, like name@example.org' }).max(254),
    organisation: personText(200).optional(),
    role: personText(200).optional(),
    language: language.optional(),
    accessibilityNeeds: personText(1000, { multiline: true }).optional(),
    dietaryNeeds: personText(500, { multiline: true }).optional(),
    consent: z.literal(true, { error: 'must be true: we need your consent to store your details' }),
  })
  .meta({ id: 'Registration' });

export type RegistrationRequest = z.infer<typeof registrationSchema>;

/** Honeypot field of the hosted form: invisible to people, filled in by bots. */
export const HONEYPOT_FIELD = 'website';

/**
 * An HTML form sends strings: a ticked checkbox is "on", an empty field is "". Turn that into
 * the JSON shape so both paths meet the same schema.
 */
export function formToRegistration(form: Record<string, string>): Record<string, unknown> {
  const candidate: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    if (key === HONEYPOT_FIELD || value.trim() === '') continue;
    candidate[key] = key === 'consent' ? value === 'on' || value === 'true' : value;
  }
  return candidate;
}
