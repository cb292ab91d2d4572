import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as z from 'zod';
import { ROLES, type Role } from '../../shared/http/claims';

/**
 * What an organiser account is, in AWS (a Cognito user) and locally (a line in
 * `accounts.json`). `npm run organiser` checks input against these rules before it calls
 * anything; the organisation id fits the user pool's custom attribute (1–64 characters).
 */
export const emailSchema = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .pipe(z.email('must be an e-mail address such as jan@gemeente.nl'));

export const organisationIdSchema = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be 1 to 64 letters, digits or dashes, such as publiek-denken');

export const roleSchema = z.enum(ROLES, { error: `must be one of: ${ROLES.join(', ')}` });

export const accountSchema = z.object({ email: emailSchema, organisationId: organisationIdSchema, role: roleSchema });

export interface OrganiserAccount {
  email: string;
  organisationId: string;
  role: Role;
}

/** Each problem as `field message` (just the message for a single value), for people to read. */
export const describeIssues = (error: z.ZodError) => error.issues.map((issue) => [issue.path.join('.'), issue.message].filter(Boolean).join(' '));

const fileSchema = z.object({ accounts: z.array(accountSchema) });

export const accountsFile = (stateDir: string) => path.join(stateDir, 'accounts.json');

/** The local accounts; none when the file does not exist yet. */
export async function readAccounts(stateDir: string): Promise<OrganiserAccount[]> {
  const file = accountsFile(stateDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON; fix it or delete it (npm start then creates the demo accounts again).`);
  }
  const result = fileSchema.safeParse(parsed);
  if (!result.success) throw new Error(`${file} holds an invalid account: ${describeIssues(result.error).join('; ')}`);
  return result.data.accounts;
}

/**
 * Written to a temporary file and renamed into place, so the running gateway, which reads the
 * file on every sign-in, never sees half a file.
 */
async function writeAccounts(stateDir: string, accounts: OrganiserAccount[]): Promise<void> {
  const file = accountsFile(stateDir);
  await mkdir(stateDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ accounts }, null, 2)}\n`);
  await rename(temporary, file);
}

export class AccountExists extends Error {
  override name = 'AccountExists';
  constructor(email: string) {
    super(`An account for ${email} already exists.`);
  }
}

/** Adds a validated account; an e-mail address can hold one account, as in the user pool. */
export async function addAccount(stateDir: string, input: OrganiserAccount): Promise<OrganiserAccount> {
  const account = accountSchema.parse(input);
  const accounts = await readAccounts(stateDir);
  if (accounts.some((existing) => existing.email === account.email)) throw new AccountExists(account.email);
  await writeAccounts(stateDir, [...accounts, account]);
  return account;
}

/** Removes the account with this e-mail address; false when there was none. */
export async function removeAccount(stateDir: string, email: string): Promise<boolean> {
  const address = emailSchema.parse(email);
  const accounts = await readAccounts(stateDir);
  const remaining = accounts.filter((account) => account.email !== address);
  if (remaining.length === accounts.length) return false;
  await writeAccounts(stateDir, remaining);
  return true;
}

/**
 * `npm start` signs in without setup: when there are no local accounts at all, an organiser
 * and a door account for the demo organisation. Accounts someone added or removed stay as
 * they are. (The organisation id is passed in, so the organiser command does not load the
 * seeding code and its DynamoDB client.)
 */
export async function seedDemoAccounts(stateDir: string, organisationId: string): Promise<OrganiserAccount[]> {
  if ((await readAccounts(stateDir)).length > 0) return [];
  const demo: OrganiserAccount[] = [
    { email: 'organiser@example.org', organisationId, role: 'organiser' },
    { email: 'door@example.org', organisationId, role: 'door' },
  ];
  await writeAccounts(stateDir, demo);
  return demo;
}
