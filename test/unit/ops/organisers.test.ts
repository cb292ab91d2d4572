import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAccounts } from '../../../infra/local/accounts';
import { runOrganiserCli } from '../../../infra/ops/organisers';

const cloudFormation = mockClient(CloudFormationClient);
const cognito = mockClient(CognitoIdentityProviderClient);

let localStateDir: string;
let out: string[];
let err: string[];

beforeEach(async () => {
  localStateDir = await mkdtemp(path.join(tmpdir(), 'organisers-test-'));
  out = [];
  err = [];
  cloudFormation.on(DescribeStacksCommand, { StackName: 'EventRegistration-prod-Data' }).resolves({
    Stacks: [
      {
        StackName: 'EventRegistration-prod-Data',
        StackStatus: 'UPDATE_COMPLETE',
        CreationTime: new Date('2026-11-01T00:00:00Z'),
        Outputs: [{ OutputKey: 'UserPoolId', OutputValue: 'eu-west-1_Pool42' }],
      },
    ],
  });
});

afterEach(async () => {
  cloudFormation.reset();
  cognito.reset();
  await rm(localStateDir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runOrganiserCli(argv, { localStateDir, out: (line) => out.push(line), err: (line) => err.push(line) });

const cognitoError = (name: string) => new CognitoIdentityProviderServiceException({ name, $fault: 'client', $metadata: {}, message: `${name} from Cognito` });

describe('npm run organiser -- … --stage (Cognito)', () => {
  it('adds an organiser: the stage data stack names the pool, Cognito mails the temporary password, the role becomes a group', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: '7d3f2a10-0000-4000-8000-000000000001' } });
    cognito.on(AdminAddUserToGroupCommand).resolves({});

    const code = await run('add', '--email', 'Ada@Gemeente.nl', '--organisation', 'publiek-denken', '--stage', 'prod');

    expect(code).toBe(0);
    expect(cloudFormation.commandCalls(DescribeStacksCommand).map((call) => call.args[0].input)).toEqual([{ StackName: 'EventRegistration-prod-Data' }]);
    expect(cognito.commandCalls(AdminCreateUserCommand).map((call) => call.args[0].input)).toEqual([
      {
        UserPoolId: 'eu-west-1_Pool42',
        Username: 'ada@gemeente.nl',
        UserAttributes: [
          { Name: 'email', Value: 'ada@gemeente.nl' },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'custom:organisationId', Value: 'publiek-denken' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      },
    ]);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: 'eu-west-1_Pool42', Username: '7d3f2a10-0000-4000-8000-000000000001', GroupName: 'organiser' },
    ]);
    expect(out).toEqual([
      'Added ada@gemeente.nl (organisation publiek-denken, role organiser) to stage prod (user pool eu-west-1_Pool42).',
      'Cognito mails ada@gemeente.nl a temporary password.',
    ]);
  });

  it('adds a door account to the door group', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'user-2' } });
    cognito.on(AdminAddUserToGroupCommand).resolves({});

    await run('add', '--email', 'bea@gemeente.nl', '--organisation', 'publiek-denken', '--role', 'door', '--stage', 'prod');

    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input.GroupName).toBe('door');
  });

  it('says so when the account exists, and adds no group', async () => {
    cognito.on(AdminCreateUserCommand).rejects(cognitoError('UsernameExistsException'));

    const code = await run('add', '--email', 'ada@gemeente.nl', '--organisation', 'publiek-denken', '--stage', 'prod');

    expect([code, err]).toEqual([1, ['An account for ada@gemeente.nl already exists.']]);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
  });

  it('says what to do when the account was created but the group could not be added', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'user-3' } });
    cognito.on(AdminAddUserToGroupCommand).rejects(cognitoError('ResourceNotFoundException'));

    const code = await run('add', '--email', 'ada@gemeente.nl', '--organisation', 'publiek-denken', '--stage', 'prod');

    expect(code).toBe(1);
    expect(err[0]).toBe(
      'Created ada@gemeente.nl, but could not add it to the group organiser (ResourceNotFoundException from Cognito). Without a group the account may do nothing: remove it and add it again, or add the group in the Cognito console.',
    );
  });

  it('lists every page of users with their organisation, groups and status', async () => {
    cognito
      .on(ListUsersCommand, { UserPoolId: 'eu-west-1_Pool42', PaginationToken: undefined })
      .resolves({
        Users: [
          {
            Username: 'user-1',
            UserStatus: 'CONFIRMED',
            Enabled: true,
            Attributes: [
              { Name: 'email', Value: 'ada@gemeente.nl' },
              { Name: 'custom:organisationId', Value: 'publiek-denken' },
            ],
          },
        ],
        PaginationToken: 'page-2',
      })
      .on(ListUsersCommand, { UserPoolId: 'eu-west-1_Pool42', PaginationToken: 'page-2' })
      .resolves({
        Users: [
          {
            Username: 'user-2',
            UserStatus: 'FORCE_CHANGE_PASSWORD',
            Enabled: true,
            Attributes: [
              { Name: 'email', Value: 'bea@gemeente.nl' },
              { Name: 'custom:organisationId', Value: 'publiek-denken' },
            ],
          },
        ],
      });
    cognito.on(AdminListGroupsForUserCommand, { Username: 'user-1' }).resolves({ Groups: [{ GroupName: 'organiser' }] });
    cognito.on(AdminListGroupsForUserCommand, { Username: 'user-2' }).resolves({ Groups: [{ GroupName: 'door' }] });

    const code = await run('list', '--stage', 'prod');

    expect(code).toBe(0);
    expect(cognito.commandCalls(ListUsersCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: 'eu-west-1_Pool42' },
      { UserPoolId: 'eu-west-1_Pool42', PaginationToken: 'page-2' },
    ]);
    expect(cognito.commandCalls(AdminListGroupsForUserCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: 'eu-west-1_Pool42', Username: 'user-1' },
      { UserPoolId: 'eu-west-1_Pool42', Username: 'user-2' },
    ]);
    expect(out).toEqual([
      'E-MAIL           ORGANISATION    ROLE       STATUS',
      'ada@gemeente.nl  publiek-denken  organiser  CONFIRMED',
      'bea@gemeente.nl  publiek-denken  door       FORCE_CHANGE_PASSWORD',
    ]);
  });

  it('removes an account by e-mail address', async () => {
    cognito.on(AdminDeleteUserCommand).resolves({});

    const code = await run('remove', '--email', 'ada@gemeente.nl', '--stage', 'prod');

    expect(code).toBe(0);
    expect(cognito.commandCalls(AdminDeleteUserCommand).map((call) => call.args[0].input)).toEqual([{ UserPoolId: 'eu-west-1_Pool42', Username: 'ada@gemeente.nl' }]);
    expect(out).toEqual(['Removed ada@gemeente.nl from stage prod (user pool eu-west-1_Pool42).']);
  });

  it('says so when there is no account to remove', async () => {
    cognito.on(AdminDeleteUserCommand).rejects(cognitoError('UserNotFoundException'));

    const code = await run('remove', '--email', 'nobody@gemeente.nl', '--stage', 'prod');

    expect([code, err]).toEqual([1, ['There is no account for nobody@gemeente.nl in stage prod (user pool eu-west-1_Pool42).']]);
  });

  it('explains a stage that is not deployed', async () => {
    cloudFormation.on(DescribeStacksCommand, { StackName: 'EventRegistration-test-Data' }).rejects(Object.assign(new Error('Stack with id EventRegistration-test-Data does not exist'), { name: 'ValidationError' }));

    const code = await run('list', '--stage', 'test');

    expect([code, err]).toEqual([1, ['Stack EventRegistration-test-Data was not found: check --stage, and your AWS account and region (AWS_PROFILE, AWS_REGION).']]);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('explains a data stack without the user pool output', async () => {
    cloudFormation.on(DescribeStacksCommand, { StackName: 'EventRegistration-old-Data' }).resolves({
      Stacks: [{ StackName: 'EventRegistration-old-Data', StackStatus: 'UPDATE_COMPLETE', CreationTime: new Date('2026-01-01T00:00:00Z'), Outputs: [] }],
    });

    const code = await run('list', '--stage', 'old');

    expect([code, err]).toEqual([1, ['Stack EventRegistration-old-Data has no output UserPoolId: redeploy it with this version.']]);
  });
});

describe('npm run organiser -- … (local accounts)', () => {
  it('adds, lists and removes local accounts without calling AWS', async () => {
    const added = await run('add', '--email', 'ada@gemeente.nl', '--organisation', 'publiek-denken');
    await run('add', '--email', 'bea@gemeente.nl', '--organisation', 'publiek-denken', '--role', 'door');
    const listed = await run('list');
    const removed = await run('remove', '--email', 'ada@gemeente.nl');

    expect([added, listed, removed]).toEqual([0, 0, 0]);
    expect(out).toEqual([
      `Added ada@gemeente.nl (organisation publiek-denken, role organiser) to the local accounts (${path.join(localStateDir, 'accounts.json')}).`,
      'The account is on the local sign-in page now.',
      `Added bea@gemeente.nl (organisation publiek-denken, role door) to the local accounts (${path.join(localStateDir, 'accounts.json')}).`,
      'The account is on the local sign-in page now.',
      'E-MAIL           ORGANISATION    ROLE',
      'ada@gemeente.nl  publiek-denken  organiser',
      'bea@gemeente.nl  publiek-denken  door',
      `Removed ada@gemeente.nl from the local accounts (${path.join(localStateDir, 'accounts.json')}).`,
    ]);
    expect(await readAccounts(localStateDir)).toEqual([{ email: 'bea@gemeente.nl', organisationId: 'publiek-denken', role: 'door' }]);
    expect([cloudFormation.calls(), cognito.calls()]).toEqual([[], []]);
  });

  it('refuses a second account for the same address', async () => {
    await run('add', '--email', 'ada@gemeente.nl', '--organisation', 'publiek-denken');

    const code = await run('add', '--email', 'ADA@gemeente.nl', '--organisation', 'elders');

    expect([code, err]).toEqual([1, ['An account for ada@gemeente.nl already exists.']]);
  });

  it('says when there are no accounts', async () => {
    await run('list');

    expect(out).toEqual([`There are no accounts in the local accounts (${path.join(localStateDir, 'accounts.json')}).`]);
  });
});

describe('usage errors', () => {
  it.each([
    [[], 'Say what to do: add, list or remove.'],
    [['promote'], 'Unknown command "promote"; use add, list or remove.'],
    [['add', '--organisation', 'publiek-denken', '--stage', 'prod'], 'add needs --email.'],
    [['add', '--email', 'ada@gemeente.nl', '--stage', 'prod'], 'add needs --organisation.'],
    [['add', '--email', 'ada', '--organisation', 'publiek-denken', '--stage', 'prod'], '--email must be an e-mail address such as jan@gemeente.nl.'],
    [['add', '--email', 'ada@gemeente.nl', '--organisation', 'publiek denken', '--stage', 'prod'], '--organisation must be 1 to 64 letters, digits or dashes, such as publiek-denken.'],
    [['add', '--email', 'ada@gemeente.nl', '--organisation', 'x'.repeat(65), '--stage', 'prod'], '--organisation must be 1 to 64 letters, digits or dashes, such as publiek-denken.'],
    [['add', '--email', 'ada@gemeente.nl', '--organisation', 'publiek-denken', '--role', 'admin', '--stage', 'prod'], '--role must be one of: organiser, door.'],
    [['remove', '--stage', 'prod'], 'remove needs --email.'],
    [['list', '--email', 'ada@gemeente.nl', '--stage', 'prod'], 'list does not take --email.'],
    [['list', 'extra', '--stage', 'prod'], 'Unexpected argument "extra".'],
    [['list', '--stage', ' '], '--stage needs a stage name, such as prod.'],
    [['list', '--stag', 'prod'], 'Unknown option --stag.'],
    [['add', '--email'], "Option '--email <value>' argument missing"],
  ])('%j: exit code 2, the problem and the usage, and no call to AWS', async (argv, problem) => {
    const code = await run(...argv);

    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]!.split('\n\n')[0]).toBe(problem);
    expect(err[0]).toContain('Usage:\n  npm run organiser -- add --email <address> --organisation <id> [--role organiser|door] [--stage <stage>]');
    expect([cloudFormation.calls(), cognito.calls()]).toEqual([[], []]);
  });

  it('prints the usage for --help', async () => {
    const code = await run('--help');

    expect(code).toBe(0);
    expect(out[0]).toContain('With --stage: the Cognito users of that deployed stage, in the user pool of stack\n  EventRegistration-<stage>-Data');
  });
});
