import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, projectRoot } from '../../infra/app';
import { catalogue, httpFunctions } from '../../infra/catalogue';
import { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from '../../infra/stacks/api-stack';

const cdkContext = JSON.parse(readFileSync(path.join(projectRoot, 'cdk.json'), 'utf8')).context as Record<string, unknown>;

let api: Template;
let data: Template;
let apiStack: ReturnType<typeof buildApp>['api'];

beforeAll(() => {
  // Bundling is skipped here: these tests are about the templates, and esbuild has its own check in the bench.
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildApp(app, { mailFrom: 'no-reply@events.example.org', allowedOrigins: ['https://www.example.org'], mailRatePerSecond: 10 });
  apiStack = stacks.api;
  api = Template.fromStack(stacks.api);
  data = Template.fromStack(stacks.stateful);
});

/** What the stream trigger itself needs; granted by the event source, not by the catalogue's table access. */
const STREAM_READ_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];

type Statement = { Action: string | string[]; Resource: unknown };

function statementsOf(functionName: string): Statement[] {
  const fn = apiStack.functions.get(functionName)!;
  const roleLogicalId = apiStack.getLogicalId(fn.role!.node.defaultChild as never);
  const policies = api.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: roleLogicalId }]) } });
  return Object.values(policies).flatMap((policy) => (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement);
}

const actionsOf = (functionName: string) => statementsOf(functionName).flatMap((statement) => [statement.Action].flat());

describe('stateful stack', () => {
  it('keeps the table safe: on-demand, PITR, deletion protection, TTL, stream', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    data.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });

  it('has an organiser pool without self sign-up and with MFA', () => {
    data.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
    });
  });
});

describe('API stack', () => {
  it('has one Node 24 arm64 function per catalogue entry', () => {
    const functions = Object.values(api.findResources('AWS::Lambda::Function')).map((resource) => (resource as { Properties: Record<string, unknown> }).Properties);
    const ours = functions.filter((properties) => properties.Runtime === 'nodejs24.x');
    expect(ours).toHaveLength(catalogue.length);
    for (const properties of ours) expect(properties.Architectures).toEqual(['arm64']);
  });

  it('puts the JWT authorizer on every /admin route and on no public route', () => {
    const routes = Object.values(api.findResources('AWS::ApiGatewayV2::Route')).map((resource) => (resource as { Properties: { RouteKey: string; AuthorizationType?: string } }).Properties);
    expect(routes).toHaveLength(httpFunctions().length);
    for (const route of routes) {
      const isAdmin = route.RouteKey.split(' ')[1]!.startsWith('/admin/');
      expect(route.AuthorizationType ?? 'NONE', route.RouteKey).toBe(isAdmin ? 'JWT' : 'NONE');
    }
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
  });

  it('throttles public routes and restricts CORS to configured origins', () => {
    const throttled = httpFunctions().filter((spec) => spec.trigger.throttle);
    const settings = Object.fromEntries(
      throttled.map((spec) => [`${spec.trigger.method} ${spec.trigger.path}`, { ThrottlingRateLimit: spec.trigger.throttle!.rate, ThrottlingBurstLimit: spec.trigger.throttle!.burst }]),
    );
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', { RouteSettings: settings, DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: Match.anyValue() }) });
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://www.example.org'] }) });
  });

  it('gives each function only the table access its catalogue entry names', () => {
    for (const spec of catalogue) {
      const actions = actionsOf(spec.name).filter((action) => action.startsWith('dynamodb:') && !STREAM_READ_ACTIONS.includes(action));
      const expected = new Set([
        ...(spec.table === 'read' || spec.table === 'readWrite' ? TABLE_READ_ACTIONS : []),
        ...(spec.table === 'write' || spec.table === 'readWrite' ? TABLE_WRITE_ACTIONS : []),
      ]);
      expect(new Set(actions), spec.name).toEqual(expected);
    }
  });

  it('lets only mail-sending functions send mail, from the configured identity', () => {
    for (const spec of catalogue) {
      const canSend = actionsOf(spec.name).includes('ses:SendEmail');
      expect(canSend, spec.name).toBe(spec.sendsMail === true);
    }
    const sesStatement = statementsOf('send-mail').find((statement) => [statement.Action].flat().includes('ses:SendEmail'))!;
    expect(JSON.stringify(sesStatement.Resource)).toContain('identity/');
  });

  it('triggers the mail function from the table stream, filtered to new mail items, with partial batch failures and a dead-letter queue', () => {
    api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { Keys: { PK: { S: [{ prefix: 'MAIL#' }] } }, NewImage: { kind: { S: [{ 'anything-but': ['certificate'] }] } } } }) }],
      },
    });
  });

  it('sends certificate mails from their own function, the only ones with the PDF renderer', () => {
    api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FilterCriteria: {
        Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { Keys: { PK: { S: [{ prefix: 'MAIL#' }] } }, NewImage: { kind: { S: ['certificate'] } } } }) }],
      },
    });
  });

  it('promotes from the waitlist on changes of event items only', () => {
    api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['MODIFY'], dynamodb: { Keys: { PK: { S: [{ prefix: 'EVENT#' }] }, SK: { S: ['EVENT'] } } } }) }] },
    });
  });

  it('runs the mail retry sweep on a schedule and alarms when a mail is parked', () => {
    api.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)', State: 'ENABLED' });
    api.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: '{ $.message = "Mail parked" }' });
    api.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'MailParked', Threshold: 1 });
  });

  it('keeps function logs a month', () => {
    const groups = Object.values(api.findResources('AWS::Logs::LogGroup')).map((resource) => (resource as { Properties: { RetentionInDays: number } }).Properties.RetentionInDays);
    expect(groups.length).toBeGreaterThanOrEqual(catalogue.length);
    for (const days of groups) expect(days).toBe(30);
  });
});
