import * as z from 'zod/mini';
import { DEFAULTS } from './defaults';

/**
 * Every setting a function may need, validated once at cold start. A function asks only for the
 * keys its catalogue entry provides, so a missing variable fails at start-up with its name.
 * zod/mini keeps this out of the bundle-size budget of functions that validate nothing else.
 */
const settings = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  MAIL_FROM: z.string().check(z.minLength(3)),
  PUBLIC_BASE_URL: z.pipe(z.url(), z.transform((url: string) => url.replace(/\/+$/, ''))),
  MAIL_RATE_PER_SECOND: z._default(z.coerce.number().check(z.positive()), DEFAULTS.mailRatePerSecond),
  /** First wait before a failed mail is tried again; doubles per attempt. */
  MAIL_RETRY_BASE_SECONDS: z._default(z.coerce.number().check(z.positive()), DEFAULTS.mailRetryBaseSeconds),
  /** The SES configuration set every send names: it publishes delivery, bounce and complaint events to mail-feedback. */
  MAIL_CONFIGURATION_SET: z.string().check(z.minLength(1)),
  /** The EventBridge bus state changes are published to, for other systems' rules. */
  EVENT_BUS_NAME: z.string().check(z.minLength(1)),
});

export type Settings = z.infer<typeof settings>;
/** Every setting there is: what the local runtime hides from a function that does not declare it. */
export const SETTING_NAMES = Object.keys(settings.shape) as SettingName[];
export type SettingName = keyof Settings;

export function readConfig<K extends SettingName>(names: readonly K[], env: NodeJS.ProcessEnv = process.env): Pick<Settings, K> {
  const mask = Object.fromEntries(names.map((name) => [name, true])) as Partial<Record<SettingName, true>>;
  const result = z.pick(settings, mask).safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return result.data as unknown as Pick<Settings, K>;
}

/** What every mail-sending function reads. */
export const MAIL_SETTINGS = ['TABLE_NAME', 'MAIL_FROM', 'PUBLIC_BASE_URL', 'MAIL_RATE_PER_SECOND', 'MAIL_RETRY_BASE_SECONDS', 'MAIL_CONFIGURATION_SET'] as const satisfies readonly SettingName[];
