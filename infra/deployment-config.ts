import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod';
import { DEFAULTS } from '../shared/config/defaults';

/**
 * The one definition of what a deployment needs. `cdk synth`, the infra tests and the local
 * runtime all parse their settings here, so a value that is missing or malformed fails before
 * anything reaches a template, with the setting's name and an example.
 */

/** A sender as a mail header shows it: `Masterclass <no-reply@events.gemeente.nl>` or a bare address. */
export interface Sender {
  name?: string;
  address: string;
  /** The SES identity: the address's domain. */
  domain: string;
  /** What goes in the From header. */
  header: string;
}

const ADDRESS = /^[^\s@<>()",;:]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+)$/i;

/** Parses `Display Name <local@domain>` (name optionally quoted) or `local@domain`. */
export function parseSender(value: string): Sender | undefined {
  const trimmed = value.trim();
  const named = /^(?:"([^"]*)"|([^<>"]*?))\s*<([^<>\s]+)>$/.exec(trimmed);
  const name = named ? (named[1] ?? named[2] ?? '').trim() : undefined;
  const address = named ? named[3]! : trimmed;
  const match = ADDRESS.exec(address);
  if (!match) return undefined;
  const domain = match[1]!.toLowerCase();
  const quotedName = name && /[(),.:;<>@[\]\\"]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : name;
  return { ...(name ? { name } : {}), address, domain, header: quotedName ? `${quotedName} <${address}>` : address };
}

/**
 * Domains reserved for documentation and testing (RFC 2606, RFC 6761): SES can never verify
 * them, so a deployment that names one would park every mail.
 */
export function isReservedDomain(domain: string): boolean {
  const host = domain.toLowerCase().replace(/\.$/, '');
  return /(^|\.)(example\.(com|org|net)|example|test|invalid|localhost|local)$/.test(host);
}

const STAGE = /^[a-z][a-z0-9-]{0,19}$/;

export const DEPLOYMENT_SETTINGS = {
  stage: { example: 'prod', meaning: 'the stage name: lower-case letters, digits and dashes (dev, staging, prod)' },
  mailFrom: { example: '"Masterclass <no-reply@events.mijngemeente.nl>"', meaning: 'the sender of every mail; its domain becomes the SES identity' },
  alarmEmails: { example: 'ops@mijngemeente.nl,beheer@mijngemeente.nl', meaning: 'who is mailed when an alarm fires (comma-separated)' },
  publicBaseUrl: { example: 'https://aanmelden.mijngemeente.nl', meaning: 'where participants and organisers reach the system (optional; default: the API URL)' },
  allowedOrigins: { example: 'https://www.mijngemeente.nl', meaning: 'origins allowed to call the API from a browser (optional, comma-separated)' },
  mailRatePerSecond: { example: '14', meaning: `most mails per second per mail function (optional; default ${DEFAULTS.mailRatePerSecond})` },
  mailRetryBaseSeconds: { example: '30', meaning: `first wait before a failed mail is tried again (optional; default ${DEFAULTS.mailRetryBaseSeconds})` },
  authDomainPrefix: { example: 'aanmelden-mijngemeente', meaning: 'the Cognito sign-in domain prefix (optional; default events-<stage>-<account>)' },
  clientLimit: {
    example: 'off',
    meaning: 'the per-client limit on registering and cancelling (an AWS WAF web ACL in us-east-1, a fixed monthly cost): on or off (optional; default on for prod, off for other stages)',
  },
  configFile: { example: 'deploy/prod.json', meaning: 'a JSON file with any of these settings; -c values override it (optional)' },
} as const;

export type DeploymentSettingName = keyof typeof DEPLOYMENT_SETTINGS;

const list = (value: unknown) =>
  Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : value;

const httpsUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https URL')
  .refine((value) => !URL.canParse(value) || !isReservedDomain(new URL(value).hostname), 'uses a reserved example domain that cannot be reached')
  .transform((value) => value.replace(/\/+$/, ''));

const origin = httpsUrl.refine((value) => !URL.canParse(value) || new URL(value).origin === value, 'must be an origin: scheme and host only, no path');

const deploymentSchema = z.object({
  stage: z.string({ error: 'is required' }).trim().regex(STAGE, 'must start with a letter and hold only lower-case letters, digits and dashes (at most 20)'),
  mailFrom: z
    .string({ error: 'is required' })
    .transform((value, context) => {
      const sender = parseSender(value);
      if (!sender) {
        context.addIssue({ code: 'custom', message: 'must be an address or "Display Name <address>"' });
        return z.NEVER;
      }
      if (isReservedDomain(sender.domain)) {
        context.addIssue({ code: 'custom', message: `uses the reserved domain ${sender.domain}, which SES can never verify` });
        return z.NEVER;
      }
      return sender;
    }),
  alarmEmails: z.preprocess(
    list,
    z
      .array(z.email('must be e-mail addresses'), { error: 'is required' })
      .min(1, 'needs at least one address')
      .refine((emails) => emails.every((email) => !isReservedDomain(email.split('@')[1] ?? '')), 'uses a reserved example domain that can receive no mail'),
  ),
  publicBaseUrl: httpsUrl.optional(),
  allowedOrigins: z.preprocess(list, z.array(origin).default([])),
  mailRatePerSecond: z.coerce.number('must be a number').positive('must be more than 0').max(1000, 'must be at most 1000').default(DEFAULTS.mailRatePerSecond),
  mailRetryBaseSeconds: z.coerce.number('must be a number').int('must be whole seconds').min(1, 'must be at least 1').max(3600, 'must be at most 3600').default(DEFAULTS.mailRetryBaseSeconds),
  authDomainPrefix: z
    .string()
    .trim()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be lower-case letters, digits and dashes')
    .refine((value) => !/aws|amazon|cognito/.test(value), 'may not contain aws, amazon or cognito')
    .optional(),
  // A JSON config file may say true or false; -c always passes a string.
  clientLimit: z.preprocess((value) => (typeof value === 'boolean' ? (value ? 'on' : 'off') : value), z.enum(['on', 'off'], 'must be on or off').optional()),
});

export type DeploymentConfig = Omit<z.output<typeof deploymentSchema>, 'clientLimit'> & {
  /** prod keeps its data: retained table and user pool, deletion protection. */
  protectData: boolean;
  /**
   * Whether the web ACL that limits each client's public writes is deployed. On in prod by
   * default: it costs a fixed amount a month per stage, which a dev stage nobody else knows of
   * need not pay.
   */
  clientLimit: boolean;
};

export class DeploymentConfigError extends Error {
  override name = 'DeploymentConfigError';
}

/**
 * Validates raw settings (CDK context values, optionally from a file named by `configFile`).
 * Every problem is reported at once, each with the setting, what is wrong and an example.
 */
export function parseDeploymentConfig(raw: Record<string, unknown>, options: { baseDir?: string } = {}): DeploymentConfig {
  const fromFile = raw.configFile === undefined ? {} : readConfigFile(String(raw.configFile), options.baseDir ?? process.cwd());
  const values: Record<string, unknown> = { ...fromFile };
  for (const [key, value] of Object.entries(raw)) if (value !== undefined && key !== 'configFile') values[key] = value;

  const result = deploymentSchema.safeParse(values);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '') as DeploymentSettingName;
      const setting = DEPLOYMENT_SETTINGS[name];
      return setting
        ? `  - ${name} ${issue.message} (${setting.meaning}); for example: -c ${name}=${setting.example}`
        : `  - ${issue.path.join('.') || 'settings'}: ${issue.message}`;
    });
    throw new DeploymentConfigError(`The deployment settings are incomplete or wrong:\n${lines.join('\n')}\nSee "Deploying to AWS" in the README.`);
  }
  const { clientLimit, ...settings } = result.data;
  return { ...settings, protectData: settings.stage === 'prod', clientLimit: clientLimit === undefined ? settings.stage === 'prod' : clientLimit === 'on' };
}

function readConfigFile(file: string, baseDir: string): Record<string, unknown> {
  const location = path.resolve(baseDir, file);
  let text: string;
  try {
    text = readFileSync(location, 'utf8');
  } catch {
    throw new DeploymentConfigError(`configFile ${file} cannot be read (looked for ${location}).`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new DeploymentConfigError(`configFile ${file} must hold a JSON object of settings, for example {"stage": "prod", "mailFrom": "..."}.`);
  }
}

/** Names per stage, so dev, staging and prod live side by side in one account. */
export const stackNames = (stage: string) => ({
  data: `EventRegistration-${stage}-Data`,
  api: `EventRegistration-${stage}-Api`,
  /** What CloudFront needs in us-east-1, whatever region the rest deploys to: the web ACL. */
  edge: `EventRegistration-${stage}-Edge`,
});

/** Metric namespace per stage: two stages in one account never mix their figures. */
export const metricNamespace = (stage: string) => `EventRegistration/${stage}`;

/** Where the organiser console lives under the public base URL; sign-in returns there. */
export const CONSOLE_PATH = '/console/';
