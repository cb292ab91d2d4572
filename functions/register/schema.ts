import { language, personText } from '../../shared/schemas/common';
import * as z from '../../shared/schemas/zod';

export const registrationSchema = z
  .strictObject({
    name: z.pipe(personText(200), z.string().check(z.minLength(1, { error: 'is required' }))),
    email: z.email({ error: 'must be an email address, like name@example.org' }).check(z.maxLength(254)),
    organisation: z.optional(personText(200)),
    role: z.optional(personText(200)),
    language: z.optional(language),
    accessibilityNeeds: z.optional(personText(1000, { multiline: true })),
    dietaryNeeds: z.optional(personText(500, { multiline: true })),
    consent: z.literal(true, { error: 'must be true: we need your consent to store your details' }),
  })
  .register(z.globalRegistry, { id: 'Registration' });

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
