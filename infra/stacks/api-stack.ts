import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { CfnStage, CorsHttpMethod, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterPattern, LogGroup, MetricFilter, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { EmailIdentity } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { SettingName } from '../../shared/config';
import { catalogue, type FunctionSpec } from '../catalogue';
import { AppFunction } from '../constructs/app-function';
import { tableDesign } from '../table';

export interface ApiStackProps extends StackProps {
  table: Table;
  userPool: UserPool;
  mailIdentity: EmailIdentity;
  mailFrom: string;
  allowedOrigins: string[];
  /** Where participants reach the API (a custom domain); defaults to the API's own URL. */
  publicBaseUrl?: string;
  mailRatePerSecond: number;
  mailRetryBaseSeconds: number;
  projectRoot: string;
}

const DEFAULT_THROTTLE = { rate: 100, burst: 200 };

export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'];

/** Everything stateless: the HTTP API, its authorizer and one function per catalogue entry. */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly functions = new Map<string, AppFunction>();

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);

    const client = props.userPool.addClient('OrganiserClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
    });
    const authorizer = new HttpUserPoolAuthorizer('OrganiserAuthorizer', props.userPool, { userPoolClients: [client] });

    this.api = new HttpApi(this, 'Api', {
      description: 'Event registration API',
      corsPreflight: {
        allowOrigins: props.allowedOrigins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PATCH, CorsHttpMethod.DELETE],
        allowHeaders: ['authorization', 'content-type', 'accept', 'accept-language'],
        maxAge: Duration.hours(1),
      },
    });

    const settings: Record<SettingName, string> = {
      TABLE_NAME: props.table.tableName,
      MAIL_FROM: props.mailFrom,
      PUBLIC_BASE_URL: props.publicBaseUrl ?? this.api.apiEndpoint,
      MAIL_RATE_PER_SECOND: String(props.mailRatePerSecond),
      MAIL_RETRY_BASE_SECONDS: String(props.mailRetryBaseSeconds),
    };

    // CloudFormation types RouteSettings as plain JSON, so CDK does not capitalise its keys for us.
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    const mailDeadLetters = new Queue(this, 'MailDeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(mailDeadLetters).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter destination of the mail stream.' });

    for (const spec of catalogue) {
      const fn = new AppFunction(this, pascal(spec.name), {
        spec,
        projectRoot: props.projectRoot,
        environment: Object.fromEntries(spec.environment.map((name) => [name, settings[name]])),
      });
      this.functions.set(spec.name, fn);
      this.grantAccess(fn, spec, props);

      const trigger = spec.trigger;
      if (trigger.type === 'http') {
        const routes = this.api.addRoutes({
          path: trigger.path,
          methods: [HttpMethod[trigger.method]],
          integration: new HttpLambdaIntegration(`${pascal(spec.name)}Integration`, fn),
          authorizer: trigger.auth === 'organiser' ? authorizer : undefined,
        });
        if (trigger.auth === 'public') {
          for (const route of routes) {
            acknowledge(route, { 'AwsSolutions-APIG4': 'A participant route: public by design, throttled, and it never returns personal data without a secret.' });
          }
        }
        if (trigger.throttle) {
          routeSettings[`${trigger.method} ${trigger.path}`] = { ThrottlingRateLimit: trigger.throttle.rate, ThrottlingBurstLimit: trigger.throttle.burst };
        }
      } else if (trigger.type === 'schedule') {
        new Rule(this, `${pascal(spec.name)}Schedule`, {
          description: `Runs ${spec.name} every ${trigger.everyMinutes} minute(s)`,
          schedule: Schedule.rate(Duration.minutes(trigger.everyMinutes)),
          targets: [new LambdaFunction(fn, { retryAttempts: 2 })],
        });
      } else {
        fn.addEventSource(
          new DynamoEventSource(props.table, {
            startingPosition: StartingPosition.TRIM_HORIZON,
            batchSize: trigger.batchSize,
            retryAttempts: trigger.retryAttempts,
            bisectBatchOnError: true,
            reportBatchItemFailures: true,
            onFailure: new SqsDlq(mailDeadLetters),
            filters: [
              FilterCriteria.filter({
                eventName: [...trigger.eventNames],
                dynamodb: {
                  Keys: {
                    PK: { S: FilterRule.beginsWith(trigger.keyPrefix) },
                    ...(trigger.sortKey ? { SK: { S: FilterRule.isEqual(trigger.sortKey) } } : {}),
                  },
                  ...(trigger.kind
                    ? { NewImage: { kind: { S: 'equals' in trigger.kind ? FilterRule.isEqual(trigger.kind.equals) : FilterRule.notEquals(trigger.kind.notEquals) } } }
                    : {}),
                },
              }),
            ],
          }),
        );
      }
    }

    this.configureStage(routeSettings);

    this.alarmOnParkedMail();

    new Alarm(this, 'MailDeadLettersAlarm', {
      alarmDescription: 'Mail stream records gave up after all retries; see the outbox items with status "failed".',
      metric: mailDeadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });

    acknowledge(this, {
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        'AWSLambdaBasicExecutionRole only lets a function write its own logs.',
    });
  }

  /** Mail functions log "Mail parked" when they give up on a mail; one such line raises the alarm. */
  private alarmOnParkedMail() {
    const metric = { metricNamespace: 'EventRegistration', metricName: 'MailParked', metricValue: '1', defaultValue: 0 };
    const filters = catalogue
      .filter((spec) => spec.sendsMail)
      .map(
        (spec) =>
          new MetricFilter(this, `${pascal(spec.name)}ParkedMail`, {
            logGroup: this.functions.get(spec.name)!.logGroup,
            filterPattern: FilterPattern.stringValue('$.message', '=', 'Mail parked'),
            ...metric,
          }),
      );
    new Alarm(this, 'MailParkedAlarm', {
      alarmDescription: 'A mail could not be delivered after every retry; the organiser sees it at GET /admin/events/{eventId}/failed-mail.',
      metric: filters[0]!.metric({ statistic: 'Sum', period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /** Exactly the actions a catalogue entry names, on the table and its one index; no wildcards. */
  private grantAccess(fn: AppFunction, spec: FunctionSpec, props: ApiStackProps) {
    const indexArns = tableDesign.globalIndexes.map((index) => `${props.table.tableArn}/index/${index.indexName}`);
    if (spec.table === 'read' || spec.table === 'readWrite') {
      fn.addToRolePolicy(new PolicyStatement({ actions: TABLE_READ_ACTIONS, resources: [props.table.tableArn, ...indexArns] }));
    }
    if (spec.table === 'write' || spec.table === 'readWrite') {
      fn.addToRolePolicy(new PolicyStatement({ actions: TABLE_WRITE_ACTIONS, resources: [props.table.tableArn] }));
    }
    if (spec.sendsMail) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [this.formatArn({ service: 'ses', resource: 'identity', resourceName: props.mailIdentity.emailIdentityName })],
        }),
      );
    }
    acknowledge(fn, {
      'AwsSolutions-IAM5[Action::xray:PutTelemetryRecords]': 'X-Ray tracing actions cannot be scoped to a resource.',
      'AwsSolutions-IAM5[Action::xray:PutTraceSegments]': 'X-Ray tracing actions cannot be scoped to a resource.',
      'AwsSolutions-IAM5[Resource::*]': 'Only X-Ray tracing and dynamodb:ListStreams (stream triggers) use Resource *; neither can be scoped.',
    });
  }

  private configureStage(routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>) {
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    const stage = this.api.defaultStage?.node.defaultChild as CfnStage;
    stage.defaultRouteSettings = { throttlingRateLimit: DEFAULT_THROTTLE.rate, throttlingBurstLimit: DEFAULT_THROTTLE.burst };
    stage.routeSettings = routeSettings;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      // Deliberately no IP or user agent: access logs should not become a store of personal data.
      format: JSON.stringify({
        requestId: '$context.requestId',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latency: '$context.responseLatency',
        integrationError: '$context.integrationErrorMessage',
      }),
    };
  }
}

function acknowledge(scope: Construct, findings: Record<string, string>) {
  for (const [id, reason] of Object.entries(findings)) Validations.of(scope).acknowledge({ id, reason });
}

const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase());
