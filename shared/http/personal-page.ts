import type { ResponseSpec } from '../schemas/contract';
import { LANGUAGES, type Language } from '../domain/event';
import * as z from '../schemas/zod';

/**
 * The buttons on the participant's personal page (cancel, confirm) post the token from their
 * mail, as the page's form or as JSON. A missing or malformed token is treated as a wrong one
 * (404), so probing teaches nothing.
 */
export const personalPageBody = (id: string) =>
  z
    .strictObject({
      token: z.string().check(z.minLength(1), z.maxLength(200)),
      /** The page's language, for an answer that has no registration left to take it from. */
      language: z.optional(z.enum(LANGUAGES)),
    })
    .register(z.globalRegistry, { id });

export function tokenFrom(schema: ReturnType<typeof personalPageBody>, body: unknown): string | undefined {
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data.token : undefined;
}

export function languageFrom(schema: ReturnType<typeof personalPageBody>, body: unknown): Language {
  const parsed = schema.safeParse(body);
  return parsed.success && parsed.data.language ? parsed.data.language : 'nl';
}

export { personalPageUrl } from '../domain/personal-link';

/** After a form post: back to the personal page (the URL from the mail), which shows the outcome. */
export const backToPersonalPage = (shows: string): ResponseSpec => ({
  description: `The personal page's form was posted: on to the personal page, which now shows ${shows}.`,
  headers: { Location: { description: 'The personal page: `/registrations/{registrationId}?token=…`.', required: true } },
});
