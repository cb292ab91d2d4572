import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDBRecord } from 'aws-lambda';
import { catalogue, streamFunctions } from '../../infra/catalogue';
import { pascal } from '../../infra/names';
import { matchesAnyStreamFilter, type StreamFilter } from '../../shared/triggers/stream-filters';
import { README_SETTINGS, synthStage } from '../support/deployment';

let api: Template;
let data: Template;
let apiStack: ReturnType<typeof synthStage>['api'];

beforeAll(() => {
  const stage = synthStage({ ...README_SETTINGS, publicBaseUrl: 'https://aanmelden.mijngemeente.nl', alarmEmails: 'beheer@mijngemeente.nl,ops@mijngemeente.nl' });
  apiStack = stage.api;
  api = Template.fromStack(stage.api);
  data = Template.fromStack(stage.stateful);
});

/** What the stream trigger itself needs; granted by the event source, not by the catalogue. */
const STREAM_READ_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];

type Statement = { Action: string | string[]; Resource: unknown };

function statementsOf(functionName: string): Statement[] {
  const fn = apiStack.functions.get(functionName)!;
  const roleLogicalId = apiStack.getLogicalId(fn.role!.node.defaultChild as never);
  const policies = api.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: roleLogicalId }]) } });
  return Object.values(policies).flatMap((policy) => (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement);
}

const actionsOf = (functionName: string) => statementsOf(functionName).flatMap((statement) => [statement.Action].flat());
const tableActionsOf = (functionName: string) =>
  [...new Set(actionsOf(functionName).filter((action) => action.startsWith('dynamodb:') && !STREAM_READ_ACTIONS.includes(action)))].sort();

const alarms = () =>
  Object.entries(api.findResources('AWS::CloudWatch::Alarm')).map(([logicalId, resource]) => ({
    logicalId,
    ...(resource as { Properties: { AlarmActions?: unknown[]; OKActions?: unknown[]; Threshold: number; MetricName?: string; Namespace?: string } }).Properties,
  }));

describe('stateful stack (prod)', () => {
  it('keeps the table safe: on-demand, PITR, deletion protection, TTL, stream, retained', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    data.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
    data.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }) });
  });

  it('has an organiser pool without self sign-up, with MFA and an organisation no one can change', () => {
    data.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      MfaConfiguration: 'ON',
      Schema: Match.arrayWith([Match.objectLike({ Name: 'organisationId', Mutable: false })]),
    });
  });

  it('has the organiser and door groups and a managed login domain', () => {
    const groups = Object.values(data.findResources('AWS::Cognito::UserPoolGroup')).map((resource) => (resource as { Properties: { GroupName: string } }).Properties.GroupName);
    expect(groups.sort()).toEqual(['door', 'organiser']);
    data.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2, Domain: Match.anyValue() });
  });

  it("verifies the domain of the README's display-name sender, not the raw string", () => {
    data.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'events.mijngemeente.nl' });
  });

  it('sends through a configuration set that publishes what became of each mail to EventBridge and suppresses bounced and complaining addresses', () => {
    const configurationSetId = data.getResourceId('AWS::SES::ConfigurationSet');
    data.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    data.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: configurationSetId },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['delivery', 'bounce', 'complaint', 'reject'],
        EventBridgeDestination: { EventBusArn: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([':event-bus/default'])]) }) },
      },
    });
    data.hasResourceProperties('AWS::SES::EmailIdentity', { ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } } });
  });
});

describe('stages', () => {
  it('gives each stage its own stacks, so dev and prod live side by side in one account', () => {
    const prod = synthStage(README_SETTINGS);
    const dev = synthStage({ ...README_SETTINGS, stage: 'dev' });

    expect([prod.stateful.stackName, prod.api.stackName, dev.stateful.stackName, dev.api.stackName]).toEqual([
      'EventRegistration-prod-Data',
      'EventRegistration-prod-Api',
      'EventRegistration-dev-Data',
      'EventRegistration-dev-Api',
    ]);
  });

  it('lets a non-prod stage be destroyed with its data', () => {
    const dev = Template.fromStack(synthStage({ ...README_SETTINGS, stage: 'dev' }).stateful);

    dev.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtectionEnabled: false }) });
    dev.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtection: 'INACTIVE' }) });
  });

  it('lets no placeholder domain reach a template', () => {
    expect(JSON.stringify([api.toJSON(), data.toJSON()])).not.toMatch(/example\.(org|com|net)/);
  });
});

describe('sign-in', () => {
  it('offers the console the authorization-code flow only, as a public client, back to the configured console URL', () => {
    api.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email'],
      CallbackURLs: ['https://aanmelden.mijngemeente.nl/console/'],
      LogoutURLs: ['https://aanmelden.mijngemeente.nl/console/'],
      GenerateSecret: false,
      SupportedIdentityProviders: ['COGNITO'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      WriteAttributes: ['locale'],
    });
    api.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { UseCognitoProvidedValues: true });
  });

  it('accepts exactly the tokens of that client on every /admin route and on no public route', () => {
    const clientId = api.getResourceId('AWS::Cognito::UserPoolClient');
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT', JwtConfiguration: { Audience: [{ Ref: clientId }], Issuer: Match.anyValue() } });
    const routes = Object.values(api.findResources('AWS::ApiGatewayV2::Route')).map((resource) => (resource as { Properties: { RouteKey: string; AuthorizationType?: string } }).Properties);
    expect(routes.map((route) => `${route.RouteKey} ${route.AuthorizationType ?? 'NONE'}`).sort()).toEqual([
      'DELETE /admin/events/{eventId} JWT',
      'DELETE /admin/events/{eventId}/registrations/{registrationId} JWT',
      'DELETE /admin/events/{eventId}/registrations/{registrationId}/check-in JWT',
      'GET /admin/door-events JWT',
      'GET /admin/events JWT',
      'GET /admin/events/{eventId} JWT',
      'GET /admin/events/{eventId}/certificates JWT',
      'GET /admin/events/{eventId}/door-list JWT',
      'GET /admin/events/{eventId}/failed-mail JWT',
      'GET /admin/events/{eventId}/messages JWT',
      'GET /admin/events/{eventId}/needs-summary JWT',
      'GET /admin/events/{eventId}/reach JWT',
      'GET /admin/events/{eventId}/registrations JWT',
      'GET /admin/events/{eventId}/reminders JWT',
      'GET /certificates/{certificateNumber} NONE',
      'GET /events/{eventId} NONE',
      'GET /events/{eventId}/privacy NONE',
      'GET /events/{eventId}/register NONE',
      'GET /openapi.json NONE',
      'GET /registrations/{registrationId} NONE',
      'GET /registrations/{registrationId}/certificate NONE',
      'GET /registrations/{registrationId}/data NONE',
      'PATCH /admin/events/{eventId} JWT',
      'POST /admin/events JWT',
      'POST /admin/events/{eventId}/cancel JWT',
      'POST /admin/events/{eventId}/certificates JWT',
      'POST /admin/events/{eventId}/check-in JWT',
      'POST /admin/events/{eventId}/messages JWT',
      'POST /admin/events/{eventId}/registrations/{registrationId}/cancel JWT',
      'POST /admin/events/{eventId}/registrations/{registrationId}/check-in JWT',
      'POST /admin/events/{eventId}/registrations/{registrationId}/confirm JWT',
      'POST /events/{eventId}/registrations NONE',
      'POST /registrations/{registrationId}/cancel NONE',
      'POST /registrations/{registrationId}/confirm NONE',
      'POST /registrations/{registrationId}/erase NONE',
      'POST /registrations/{registrationId}/network NONE',
      'PUT /admin/events/{eventId}/registrations/{registrationId}/email JWT',
    ]);
  });
});

describe('API stack', () => {
  it('has its 44 functions on Node 24 and arm64, with the sender header and the stage namespace', () => {
    const functions = api.findResources('AWS::Lambda::Function');
    const ourIds = [...apiStack.functions.values()].map((fn) => apiStack.getLogicalId(fn.node.defaultChild as never));
    const ours = ourIds.map((id) => (functions[id] as { Properties: Record<string, any> }).Properties);
    expect(ours).toHaveLength(44);
    for (const properties of ours) expect(properties.Runtime).toBe('nodejs24.x');
    for (const properties of ours) {
      expect(properties.Architectures).toEqual(['arm64']);
      expect(properties.Environment.Variables.POWERTOOLS_METRICS_NAMESPACE).toBe('EventRegistration/prod');
    }
    expect(ours.map((properties) => properties.Environment.Variables.MAIL_FROM).filter(Boolean)).toContain('Masterclass <no-reply@events.mijngemeente.nl>');
  });

  it('throttles public routes and needs no CORS when no origin is configured', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: Match.objectLike({ 'POST /events/{eventId}/registrations': { ThrottlingRateLimit: 400, ThrottlingBurstLimit: 800 } }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 100 }),
    });
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });

  it('restricts CORS to configured origins', () => {
    const withOrigins = Template.fromStack(synthStage({ ...README_SETTINGS, allowedOrigins: 'https://www.mijngemeente.nl' }).api);
    withOrigins.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://www.mijngemeente.nl'] }) });
  });

  it('gives the public registration path no DeleteItem, and no public path BatchWriteItem', () => {
    expect(tableActionsOf('register')).toEqual(['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    // Leaving the waitlist deletes the person's entry item.
    expect(tableActionsOf('cancel-registration')).toEqual(['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(tableActionsOf('get-public-event')).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    expect(tableActionsOf('send-mail')).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(tableActionsOf('door-list')).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    // Settling freed seats may void a waitlist ticket that never became a registration: a transaction with a condition check.
    for (const name of ['table-changes', 'update-event', 'admin-cancel-registration']) expect(tableActionsOf(name), name).toContain('dynamodb:ConditionCheckItem');
    expect(tableActionsOf('openapi')).toEqual([]);
  });

  it('gives each function exactly these table actions', () => {
    const granted = Object.fromEntries([...apiStack.functions.keys()].map((name) => [name, tableActionsOf(name)]));
    expect(granted).toEqual({
      'create-event': ['dynamodb:PutItem'],
      'list-events': ['dynamodb:GetItem', 'dynamodb:Query'],
      'door-events': ['dynamodb:Query'],
      'get-event': ['dynamodb:GetItem', 'dynamodb:Query'],
      'list-registrations': ['dynamodb:GetItem', 'dynamodb:Query'],
      'needs-summary': ['dynamodb:GetItem', 'dynamodb:Query'],
      'reach-report': ['dynamodb:GetItem', 'dynamodb:Query'],
      'door-list': ['dynamodb:GetItem', 'dynamodb:Query'],
      'get-public-event': ['dynamodb:GetItem', 'dynamodb:Query'],
      'register': ['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      'registration-form': ['dynamodb:GetItem', 'dynamodb:Query'],
      'privacy-page': ['dynamodb:GetItem'],
      'openapi': [],
      'update-event': ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      'delete-event': ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      'admin-cancel-registration': ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      'list-reminders': ['dynamodb:GetItem', 'dynamodb:Query'],
      'cancel-event': ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      'check-in': ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      'undo-check-in': ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      'check-in-by-code': ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      'request-certificates': ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
      'certificate-status': ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'],
      'send-message': ['dynamodb:GetItem', 'dynamodb:PutItem'],
      'list-messages': ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'],
      'verify-certificate': ['dynamodb:GetItem'],
      'download-certificate': ['dynamodb:GetItem', 'dynamodb:Query'],
      'list-failed-mail': ['dynamodb:GetItem', 'dynamodb:Query'],
      'registration-status': ['dynamodb:GetItem', 'dynamodb:Query'],
      'cancel-registration': ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      'network-consent': ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      'confirm-registration': ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      'admin-confirm-registration': ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      'correct-address': ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      'download-my-data': ['dynamodb:BatchGetItem', 'dynamodb:GetItem'],
      'erase-registration': ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      'admin-erase-registration': ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      'release-lapsed-holds': ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      'send-mail': ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      'send-certificate': ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      'table-changes': ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      'mail-feedback': ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      'send-mailings': ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      'retry-mail': ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
    });
  });

  it('lets a function query the table or the index it reads, not both by default', () => {
    const queryResources = (name: string) => JSON.stringify(statementsOf(name).filter((statement) => [statement.Action].flat().includes('dynamodb:Query')).map((statement) => statement.Resource));
    expect(queryResources('get-public-event')).not.toContain('/index/');
    expect(queryResources('door-list')).toContain('/index/GSI1');
    expect(JSON.parse(queryResources('door-list'))).toEqual([{ 'Fn::Join': ['', [expect.anything(), '/index/GSI1']] }]);
    expect(queryResources('send-mailings')).toContain('/index/GSI1');
  });

  it('lets each function write logs to its own log group only', () => {
    for (const spec of catalogue) {
      const logStatements = statementsOf(spec.name).filter((statement) => [statement.Action].flat().some((action) => action.startsWith('logs:')));
      const logGroupId = apiStack.getLogicalId(apiStack.functions.get(spec.name)!.logGroup.node.defaultChild as never);
      expect(logStatements, spec.name).toEqual([{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } }]);
    }
    for (const fn of apiStack.functions.values()) {
      const role = api.toJSON().Resources[apiStack.getLogicalId(fn.role!.node.defaultChild as never)];
      expect(role.Properties.ManagedPolicyArns, fn.node.id).toBeUndefined();
    }
  });

  it('grants nothing on * to a function but what has no resource-level permissions', () => {
    for (const spec of catalogue) {
      const unscoped = statementsOf(spec.name)
        .filter((statement) => statement.Resource === '*')
        .flatMap((statement) => [statement.Action].flat());
      expect(unscoped.filter((action) => !['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'dynamodb:ListStreams'].includes(action)), spec.name).toEqual([]);
    }
  });

  it('lets only mail-sending functions send mail, from the configured identity', () => {
    const senders = [...apiStack.functions.keys()].filter((name) => actionsOf(name).includes('ses:SendEmail'));
    expect(senders.sort()).toEqual(['retry-mail', 'send-certificate', 'send-mail']);
    const sesStatement = statementsOf('send-mail').find((statement) => [statement.Action].flat().includes('ses:SendEmail'))!;
    expect(JSON.stringify(sesStatement.Resource)).toContain('identity/');
    expect(JSON.stringify(sesStatement.Resource)).toContain('configuration-set/');
  });

  it('names the configuration set on every send, and records its delivery, bounce, complaint and reject events', () => {
    for (const name of ['send-mail', 'send-certificate', 'retry-mail']) {
      const fn = api.toJSON().Resources[apiStack.getLogicalId(apiStack.functions.get(name)!.node.defaultChild as never)];
      expect(JSON.stringify(fn.Properties.Environment.Variables.MAIL_CONFIGURATION_SET), name).toContain('MailConfigurationSet');
    }
    const rule = Object.values(api.findResources('AWS::Events::Rule')).map((resource) => (resource as { Properties: any }).Properties).find((properties) => properties.EventPattern)!;
    expect(rule.EventPattern).toMatchObject({
      source: ['aws.ses'],
      'detail-type': ['Email Delivered', 'Email Bounced', 'Email Complaint Received', 'Email Rejected'],
    });
    expect(JSON.stringify(rule.EventPattern.detail.mail.tags['ses:configuration-set'])).toContain('MailConfigurationSet');
    expect(rule.Targets).toHaveLength(1);
    expect(rule.Targets[0]).toMatchObject({ RetryPolicy: { MaximumRetryAttempts: 8 }, DeadLetterConfig: { Arn: expect.anything() } });
    expect(JSON.stringify(rule.Targets[0].Arn)).toContain('MailFeedback');
    expect(tableActionsOf('mail-feedback')).toEqual(['dynamodb:GetItem', 'dynamodb:UpdateItem']);
    // An event the function itself failed on is retried twice, then lands in the same queue.
    api.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('MailFeedbackDeadLetters'), 'Arn'] } } },
    });
  });

  it('keeps function logs a month', () => {
    const groups = Object.values(api.findResources('AWS::Logs::LogGroup')).map((resource) => (resource as { Properties: { RetentionInDays: number } }).Properties.RetentionInDays);
    // One per function (44) and the API's access log.
    expect(groups).toHaveLength(45);
    for (const days of groups) expect(days).toBe(30);
  });
});

describe('state-change bus', () => {
  it('is a bus of its own in the data stack, archived two weeks for replays, its name an output', () => {
    data.resourceCountIs('AWS::Events::EventBus', 1);
    data.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('StateChanges'), 'Arn'] },
      EventPattern: { source: ['event-registration'] },
      RetentionDays: 14,
    });
    expect(Object.keys(data.toJSON().Outputs)).toContain('StateChangeBusName');
  });

  it('lets table-changes, and no other function, put events, and only on that bus', () => {
    const putters = catalogue.filter((spec) => actionsOf(spec.name).includes('events:PutEvents')).map((spec) => spec.name);
    expect(putters).toEqual(['table-changes']);
    const statement = statementsOf('table-changes').find((candidate) => [candidate.Action].flat().includes('events:PutEvents'))!;
    expect(statement.Action).toBe('events:PutEvents');
    expect(JSON.stringify(statement.Resource)).toMatch(/StateChanges.*Arn/);
  });
});

describe('table stream', () => {
  const mappings = () =>
    Object.values(api.findResources('AWS::Lambda::EventSourceMapping')).map(
      (resource) => (resource as { Properties: { FilterCriteria: { Filters: Array<{ Pattern: string }> }; DestinationConfig: { OnFailure: { Destination: unknown } }; MaximumRecordAgeInSeconds: number } }).Properties,
    );

  it('has at most two readers, as DynamoDB Streams advises', () => {
    expect(mappings()).toHaveLength(2);
  });

  const patternsOf = (functionLogicalId: RegExp) =>
    mappings()
      .filter((mapping) => functionLogicalId.test(JSON.stringify((mapping as unknown as { FunctionName: unknown }).FunctionName)))
      .flatMap((mapping) => mapping.FilterCriteria.Filters.map((filter) => JSON.parse(filter.Pattern) as StreamFilter));

  it('sends new non-certificate mail to send-mail; freed seats and registration, event and certificate changes to table-changes; with partial batch failures', () => {
    expect(patternsOf(/SendMail/)).toEqual([
      { eventName: ['INSERT'], dynamodb: { Keys: { PK: { S: [{ prefix: 'MAIL#' }] } }, NewImage: { kind: { S: [{ 'anything-but': ['certificate'] }] } } } },
    ]);
    expect(patternsOf(/TableChanges/)).toEqual([
      {
        eventName: ['INSERT', 'MODIFY'],
        dynamodb: { Keys: { PK: { S: [{ prefix: 'EVENT#' }] }, SK: { S: [{ prefix: 'SEATS#' }] } }, NewImage: { freed: { N: [{ 'anything-but': ['0'] }] } } },
      },
      { eventName: ['INSERT', 'MODIFY', 'REMOVE'], dynamodb: { Keys: { PK: { S: [{ prefix: 'REG#' }] }, SK: { S: ['REG'] } } } },
      { eventName: ['INSERT', 'MODIFY', 'REMOVE'], dynamodb: { Keys: { PK: { S: [{ prefix: 'EVENT#' }] }, SK: { S: ['EVENT'] } } } },
      { eventName: ['INSERT'], dynamodb: { Keys: { PK: { S: [{ prefix: 'EVENT#' }] }, SK: { S: [{ prefix: 'CERT#' }] } } } },
    ]);
    api.resourcePropertiesCountIs('AWS::Lambda::EventSourceMapping', { FunctionResponseTypes: ['ReportBatchItemFailures'], BisectBatchOnFunctionError: true }, 2);
  });

  it('filters in AWS exactly as the local poller does, for every mail kind and every kind of change', () => {
    const record = (eventName: 'INSERT' | 'MODIFY' | 'REMOVE', PK: string, SK: string, image: Record<string, { S?: string; N?: string }> = {}): DynamoDBRecord => ({
      eventName,
      dynamodb: { Keys: { PK: { S: PK }, SK: { S: SK } }, NewImage: eventName === 'REMOVE' ? undefined : { PK: { S: PK }, SK: { S: SK }, ...image } },
    });
    const samples: Array<[string, DynamoDBRecord]> = [
      ...['registration-confirmed', 'registration-waitlisted', 'registration-cancelled', 'registration-promoted', 'reminder', 'event-moved', 'event-cancelled', 'certificate', 'confirm-address', 'already-registered', 'message'].map(
        (kind): [string, DynamoDBRecord] => [`mail ${kind}`, record('INSERT', `MAIL#01E.${kind}`, 'MAIL', { kind: { S: kind } })],
      ),
      ['registration written', record('INSERT', 'REG#01R', 'REG')],
      ['registration changed', record('MODIFY', 'REG#01R', 'REG')],
      ['registration deleted', record('REMOVE', 'REG#01R', 'REG')],
      ['event created', record('INSERT', 'EVENT#01E', 'EVENT')],
      ['event changed', record('MODIFY', 'EVENT#01E', 'EVENT')],
      ['certificate issued', record('INSERT', 'EVENT#01E', 'CERT#01R')],
      ['seats freed', record('MODIFY', 'EVENT#01E', 'SEATS#00', { freed: { N: '2' } })],
      ['seats taken', record('MODIFY', 'EVENT#01E', 'SEATS#00', { freed: { N: '0' } })],
      ['hold', record('INSERT', 'EVENT#01E', 'HOLD#01R')],
    ];
    const routed = (patterns: StreamFilter[]) => samples.filter(([, sample]) => matchesAnyStreamFilter(sample, patterns)).map(([name]) => name);
    expect(routed(patternsOf(/SendMail/))).toEqual([
      'mail registration-confirmed',
      'mail registration-waitlisted',
      'mail registration-cancelled',
      'mail registration-promoted',
      'mail reminder',
      'mail event-moved',
      'mail event-cancelled',
      'mail confirm-address',
      'mail already-registered',
      'mail message',
    ]);
    expect(routed(patternsOf(/TableChanges/))).toEqual([
      'registration written',
      'registration changed',
      'registration deleted',
      'event created',
      'event changed',
      'certificate issued',
      'seats freed',
    ]);
    // The local poller evaluates the catalogue's own filters: the same answers.
    for (const spec of streamFunctions()) {
      expect(routed([...spec.trigger.filters]), spec.name).toEqual(routed(patternsOf(new RegExp(pascal(spec.name)))));
    }
  });

  it('gives each reader a dead-letter queue of its own and a maximum record age well inside the 24-hour retention', () => {
    const destinations = mappings().map((mapping) => JSON.stringify(mapping.DestinationConfig.OnFailure.Destination));
    expect(new Set(destinations).size).toBe(2);
    expect(mappings().map((mapping) => mapping.MaximumRecordAgeInSeconds)).toEqual([21600, 21600]);
    // The two stream readers' queues and the mail-feedback rule's.
    api.resourceCountIs('AWS::SQS::Queue', 3);
    expect(Object.keys(api.toJSON().Outputs)).toEqual(
      expect.arrayContaining(['SendMailDeadLetterQueueUrl', 'SendMailFunctionName', 'TableChangesDeadLetterQueueUrl', 'TableChangesFunctionName']),
    );
  });

  it('sends certificates and retries from one-minute sweeps', () => {
    const rules = Object.values(api.findResources('AWS::Events::Rule')).map((resource) => (resource as { Properties: { ScheduleExpression: string; Description: string } }).Properties);
    expect(rules.filter((rule) => rule.ScheduleExpression).map((rule) => rule.Description).sort()).toEqual([
      'Runs release-lapsed-holds every 1 minute(s)',
      'Runs retry-mail every 1 minute(s)',
      'Runs send-certificate every 1 minute(s)',
      'Runs send-mailings every 1 minute(s)',
    ]);
    for (const rule of rules.filter((rule) => rule.ScheduleExpression)) expect(rule.ScheduleExpression).toBe('rate(1 minute)');
  });
});

describe('console and API on one origin', () => {
  it('serves the console from a private bucket and everything else from the API, uncached, through one distribution', () => {
    const distribution = Object.values(api.findResources('AWS::CloudFront::Distribution'))[0] as { Properties: { DistributionConfig: any } };
    const config = distribution.Properties.DistributionConfig;
    expect(config.DefaultCacheBehavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' });
    expect(config.DefaultCacheBehavior.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']);
    expect(config.CacheBehaviors.map((behaviour: { PathPattern: string }) => behaviour.PathPattern)).toEqual(['/console', '/console/*']);
    api.hasResourceProperties('AWS::S3::Bucket', { PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true } });
  });

  it('answers HSTS in front of the API too, for what API Gateway answers itself', () => {
    const distribution = Object.values(api.findResources('AWS::CloudFront::Distribution'))[0] as { Properties: { DistributionConfig: any } };
    const policyId = distribution.Properties.DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId;
    const policies = api.findResources('AWS::CloudFront::ResponseHeadersPolicy');
    const policy = policies[policyId.Ref] as { Properties: any };
    expect(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true });
  });

  it('sends the console with a strict CSP that lets it reach only itself and the sign-in domain', () => {
    const policy = Object.values(api.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0] as { Properties: any };
    const csp = JSON.stringify(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("connect-src 'self' https://");
    expect(csp).toContain('.amazoncognito.com');
  });

  it('tells the console where to sign in, as which client, and where to come back', () => {
    const clientId = api.getResourceId('AWS::Cognito::UserPoolClient');
    const deployment = Object.values(api.findResources('Custom::CDKBucketDeployment'))[0] as { Properties: { SourceMarkersConfig?: unknown; SourceMarkers: unknown[]; DestinationBucketKeyPrefix: string } };
    expect(deployment.Properties.DestinationBucketKeyPrefix).toBe('console/');
    expect(JSON.stringify(deployment.Properties.SourceMarkers)).toContain(clientId);
  });

  it('defaults the public address, and so the sign-in callback, to the distribution when no domain is configured', () => {
    const plain = Template.fromStack(synthStage(README_SETTINGS).api);
    const distributionId = plain.getResourceId('AWS::CloudFront::Distribution');
    plain.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/console/']] }],
    });
  });
});

describe('operations', () => {
  it('mails every configured address from one topic per stage', () => {
    api.resourceCountIs('AWS::SNS::Topic', 1);
    const subscriptions = Object.values(api.findResources('AWS::SNS::Subscription')).map((resource) => (resource as { Properties: { Protocol: string; Endpoint: string } }).Properties);
    expect(subscriptions.map((subscription) => [subscription.Protocol, subscription.Endpoint]).sort()).toEqual([
      ['email', 'beheer@mijngemeente.nl'],
      ['email', 'ops@mijngemeente.nl'],
    ]);
  });

  it('has the whole alarm set, and every alarm tells the topic when it fires and when it clears', () => {
    const topicId = api.getResourceId('AWS::SNS::Topic');
    const names = alarms().map((alarm) => alarm.logicalId.replace(/^Monitoring/, '').replace(/[0-9A-F]{8}$/, ''));
    // One per function.
    expect(names.filter((name) => name.endsWith('Failing'))).toHaveLength(44);
    expect(names.filter((name) => !name.endsWith('Failing')).sort()).toEqual([
      'Api5xx',
      'MailBounceRate',
      'MailComplaintRate',
      'MailFeedbackDeadLetters',
      'MailParked',
      'SendMailDeadLetters',
      'SendMailStreamBehind',
      'TableChangesDeadLetters',
      'TableChangesStreamBehind',
    ]);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions, alarm.logicalId).toEqual([{ Ref: topicId }]);
      expect(alarm.OKActions, alarm.logicalId).toEqual([{ Ref: topicId }]);
    }
  });

  it('alarms on parked mail from the Powertools metric, and on SES reputation well under its enforcement levels', () => {
    api.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'MailsParked', Namespace: 'EventRegistration/prod', Dimensions: [{ Name: 'service', Value: 'event-registration' }], Threshold: 1 });
    api.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Reputation.BounceRate', Namespace: 'AWS/SES', Threshold: 0.02 });
    api.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Reputation.ComplaintRate', Namespace: 'AWS/SES', Threshold: 0.0005 });
    api.resourceCountIs('AWS::Logs::MetricFilter', 0);
  });

  it('has a dashboard of registrations, waitlist, mail, errors and latency', () => {
    const dashboards = Object.values(api.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify((dashboards[0] as { Properties: { DashboardBody: unknown } }).Properties.DashboardBody);
    for (const figure of ['Registrations', 'Waitlisted', 'Promotions', 'MailsSent', 'MailsParked', 'Bounce', 'Errors', 'Latency']) expect(body).toContain(figure);
  });
});
