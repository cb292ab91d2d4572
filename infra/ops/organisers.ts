import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  type GroupType,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { parseArgs } from 'node:util';
import { ORGANISATION_CLAIM, ROLES } from '../../shared/http/claims';
import { stackNames } from '../deployment-config';
import { AccountExists, accountSchema, accountsFile, addAccount, describeIssues, emailSchema, readAccounts, removeAccount, type OrganiserAccount } from '../local/accounts';
import { outputKeys, readStackOutputs, requireOutput } from './stack-outputs';
import { explainAwsError } from './aws-hint';

/**
 * `npm run organiser`: adds, lists and removes organiser accounts, either the Cognito users of
 * a deployed stage (`--stage`) or the local accounts that `npm start` offers on its sign-in page.
 */

/** Cognito names an ID token's claim after the user attribute, so the attribute is the claim's name. */
const ORGANISATION_ATTRIBUTE = ORGANISATION_CLAIM;

export interface ListedAccount {
  email: string;
  organisationId?: string;
  /** The account's groups; the known ones are its roles. */
  groups: string[];
  /** Cognito's user status (FORCE_CHANGE_PASSWORD until the first sign-in, then CONFIRMED). */
  status?: string;
}

export interface AccountDirectory {
  /** Where the accounts live, for messages. */
  readonly description: string;
  add(account: OrganiserAccount): Promise<void>;
  list(): Promise<ListedAccount[]>;
  /** False when there was no such account. */
  remove(email: string): Promise<boolean>;
}

export class PartlyAdded extends Error {
  override name = 'PartlyAdded';
}

export function localDirectory(stateDir: string): AccountDirectory {
  return {
    description: `the local accounts (${accountsFile(stateDir)})`,
    add: async (account) => void (await addAccount(stateDir, account)),
    list: async () => (await readAccounts(stateDir)).map((account) => ({ email: account.email, organisationId: account.organisationId, groups: [account.role] })),
    remove: (email) => removeAccount(stateDir, email),
  };
}

const attribute = (user: UserType, name: string) => user.Attributes?.find((candidate) => candidate.Name === name)?.Value;

export function cognitoDirectory(client: CognitoIdentityProviderClient, userPoolId: string, stage: string): AccountDirectory {
  return {
    description: `stage ${stage} (user pool ${userPoolId})`,

    async add(account) {
      let username: string;
      try {
        const created = await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: account.email,
            UserAttributes: [
              { Name: 'email', Value: account.email },
              // The administrator vouches for the address, so Cognito mails the temporary
              // password to it and accepts it for account recovery.
              { Name: 'email_verified', Value: 'true' },
              { Name: ORGANISATION_ATTRIBUTE, Value: account.organisationId },
            ],
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
        // The pool signs in by e-mail address, so Cognito gives the user a generated username.
        username = created.User?.Username ?? account.email;
      } catch (error) {
        if ((error as Error).name === 'UsernameExistsException') throw new AccountExists(account.email);
        throw error;
      }
      try {
        await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: account.role }));
      } catch (error) {
        throw new PartlyAdded(
          `Created ${account.email}, but could not add it to the group ${account.role} (${(error as Error).message}). ` +
            `Without a group the account may do nothing: remove it and add it again, or add the group in the Cognito console.`,
        );
      }
    },

    async list() {
      const users: UserType[] = [];
      let paginationToken: string | undefined;
      do {
        const page = await client.send(new ListUsersCommand({ UserPoolId: userPoolId, PaginationToken: paginationToken }));
        users.push(...(page.Users ?? []));
        paginationToken = page.PaginationToken;
      } while (paginationToken);

      const listed: ListedAccount[] = [];
      for (const user of users) {
        const groups: GroupType[] = [];
        let nextToken: string | undefined;
        do {
          const page = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: user.Username, NextToken: nextToken }));
          groups.push(...(page.Groups ?? []));
          nextToken = page.NextToken;
        } while (nextToken);
        listed.push({
          email: attribute(user, 'email') ?? user.Username ?? '',
          organisationId: attribute(user, ORGANISATION_ATTRIBUTE),
          groups: groups.map((group) => group.GroupName ?? '').filter(Boolean),
          status: user.Enabled === false ? 'DISABLED' : user.UserStatus,
        });
      }
      return listed;
    },

    async remove(email) {
      try {
        await client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: email }));
        return true;
      } catch (error) {
        if ((error as Error).name === 'UserNotFoundException') return false;
        throw error;
      }
    },
  };
}

export const USAGE = `Usage:
  npm run organiser -- add --email <address> --organisation <id> [--role ${ROLES.join('|')}] [--stage <stage>]
  npm run organiser -- list [--stage <stage>]
  npm run organiser -- remove --email <address> [--stage <stage>]

Without --stage: the local accounts that npm start offers on its sign-in page.
With --stage: the Cognito users of that deployed stage, in the user pool of stack
  ${stackNames('<stage>').data}, with your AWS credentials and region (AWS_PROFILE, AWS_REGION).
  add mails a temporary password; the organiser sets a password and MFA at the first sign-in.

--organisation  1 to 64 letters, digits or dashes; in AWS it cannot be changed later.
--role          organiser (default): everything for the organisation; door: only checking people in.`;

export interface CliOptions {
  /** Where the local accounts live (without --stage). */
  localStateDir: string;
  out: (line: string) => void;
  err: (line: string) => void;
  cognito?: () => CognitoIdentityProviderClient;
  cloudFormation?: () => CloudFormationClient;
}

type Command = { name: 'add'; account: OrganiserAccount } | { name: 'list' } | { name: 'remove'; email: string };

const ALLOWED_OPTIONS: Record<Command['name'], string[]> = { add: ['email', 'organisation', 'role', 'stage'], list: ['stage'], remove: ['email', 'stage'] };

/** The command and its validated input, or what is wrong with the command line. */
export function parseCommand(argv: string[]): { command: Command; stage?: string } | { help: true } | { problem: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { email: { type: 'string' }, organisation: { type: 'string' }, role: { type: 'string' }, stage: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    // Node's own message for a mistyped option suggests quoting it as a positional; say what is wrong instead.
    const { code, message } = error as Error & { code?: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1];
    return { problem: code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option ? `Unknown option ${option}.` : message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [name, ...extra] = positionals;
  if (!name) return { problem: 'Say what to do: add, list or remove.' };
  if (!(name in ALLOWED_OPTIONS)) return { problem: `Unknown command "${name}"; use add, list or remove.` };
  if (extra.length > 0) return { problem: `Unexpected argument "${extra[0]}".` };
  const commandName = name as Command['name'];
  const unused = Object.keys(values).filter((option) => !ALLOWED_OPTIONS[commandName].includes(option));
  if (unused.length > 0) return { problem: `${commandName} does not take ${unused.map((option) => `--${option}`).join(', ')}.` };

  const stage = values.stage?.trim();
  if (values.stage !== undefined && !stage) return { problem: '--stage needs a stage name, such as prod.' };
  const withStage = stage ? { stage } : {};

  if (commandName === 'list') return { command: { name: 'list' }, ...withStage };
  if (values.email === undefined) return { problem: `${commandName} needs --email.` };
  if (commandName === 'remove') {
    const email = emailSchema.safeParse(values.email);
    return email.success ? { command: { name: 'remove', email: email.data }, ...withStage } : { problem: `--email ${describeIssues(email.error).join('; ')}.` };
  }
  if (values.organisation === undefined) return { problem: 'add needs --organisation.' };
  const account = accountSchema.safeParse({ email: values.email, organisationId: values.organisation, role: values.role ?? 'organiser' });
  if (!account.success) {
    const option = { email: '--email', organisationId: '--organisation', role: '--role' } as Record<string, string>;
    return { problem: account.error.issues.map((issue) => `${option[String(issue.path[0])] ?? issue.path.join('.')} ${issue.message}.`).join('\n') };
  }
  return { command: { name: 'add', account: account.data }, ...withStage };
}

async function stageDirectory(stage: string, options: CliOptions): Promise<AccountDirectory> {
  const stackName = stackNames(stage).data;
  let outputs: Record<string, string>;
  try {
    outputs = await readStackOutputs(stackName, options.cloudFormation?.() ?? new CloudFormationClient({}));
  } catch (error) {
    // CloudFormation answers an unknown stack with a ValidationError "Stack with id … does not exist".
    if ((error as Error).name === 'ValidationError') throw new Error(`Stack ${stackName} was not found: check --stage, and your AWS account and region (AWS_PROFILE, AWS_REGION).`);
    throw error;
  }
  const userPoolId = requireOutput(outputs, outputKeys.userPoolId, stackName);
  return cognitoDirectory(options.cognito?.() ?? new CognitoIdentityProviderClient({}), userPoolId, stage);
}

function table(accounts: ListedAccount[], withStatus: boolean): string[] {
  const rows = [
    ['E-MAIL', 'ORGANISATION', 'ROLE', ...(withStatus ? ['STATUS'] : [])],
    ...accounts.map((account) => [account.email, account.organisationId ?? '(none)', account.groups.join(',') || '(no role)', ...(withStatus ? [account.status ?? ''] : [])]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

/** Runs one command; resolves to the exit code (2: usage error, 1: the command failed). */
export async function runOrganiserCli(argv: string[], options: CliOptions): Promise<number> {
  const parsed = parseCommand(argv);
  if ('help' in parsed) {
    options.out(USAGE);
    return 0;
  }
  if ('problem' in parsed) {
    options.err(`${parsed.problem}\n\n${USAGE}`);
    return 2;
  }
  const { command, stage } = parsed;
  try {
    const directory = stage ? await stageDirectory(stage, options) : localDirectory(options.localStateDir);
    switch (command.name) {
      case 'add': {
        const { email, organisationId, role } = command.account;
        await directory.add(command.account);
        options.out(`Added ${email} (organisation ${organisationId}, role ${role}) to ${directory.description}.`);
        options.out(stage ? `Cognito mails ${email} a temporary password.` : 'The account is on the local sign-in page now.');
        return 0;
      }
      case 'list': {
        const accounts = await directory.list();
        if (accounts.length === 0) options.out(`There are no accounts in ${directory.description}.`);
        else for (const line of table(accounts, !!stage)) options.out(line);
        return 0;
      }
      case 'remove': {
        if (await directory.remove(command.email)) {
          options.out(`Removed ${command.email} from ${directory.description}.`);
          return 0;
        }
        options.err(`There is no account for ${command.email} in ${directory.description}.`);
        return 1;
      }
    }
  } catch (error) {
    const { name } = error as Error;
    const message = explainAwsError(error);
    options.err(name === 'Error' || name === 'AccountExists' || name === 'PartlyAdded' ? message : `${name}: ${message}`);
    return 1;
  }
}
