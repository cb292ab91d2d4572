import * as z from 'zod/mini';
import { en } from 'zod/locales';

/**
 * The zod every request schema is written in. zod/mini instead of full zod: the same checks and
 * the same JSON Schema, as functions (`z.optional(x)`) instead of methods (`x.optional()`),
 * which lets esbuild leave out the methods nobody calls (about 60 KB per validating function).
 * Full zod installs its English messages when imported; zod/mini has none, so they are
 * installed here, once, for every function that validates input ("Too big: expected string
 * to have <=200 characters" rather than "Invalid input").
 */
z.config(en());

export * from 'zod/mini';
