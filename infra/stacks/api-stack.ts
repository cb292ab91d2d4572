import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { CfnStage, CorsHttpMethod, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { CfnManagedLoginBranding, ClientAttributes, OAuthScope, UserPoolClient, UserPoolClientIdentityProvider, type UserPool, type UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ConfigurationSet, EmailIdentity } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { SettingName } from '../../shared/config';
import { catalogue, MAIL_FEEDBACK_EVENTS, settingsOf, type FunctionSpec, type MailFeedbackTrigger, type TableStreamTrigger } from '../catalogue';
import { AppFunction } from '../constructs/app-function';
import { ConsoleSite } from '../constructs/console-site';
import { Monitoring } from '../constructs/monitoring';
import { CONSOLE_PATH, metricNamespace, type DeploymentConfig } from '../deployment-config';
import { pascal } from '../names';
import { outputKeys } from '../ops/stack-outputs';

export interface ApiStackProps extends StackProps {
  config: DeploymentConfig;
  table: Table;
  userPool: UserPool;
  signInDomain: UserPoolDomain;
  mailIdentity: EmailIdentity;
  mailConfigurationSet: ConfigurationSet;
  /** Where state changes are published for other systems. */
  stateChangeBus: IEventBus;
  projectRoot: string;
  /** The web ACL that limits each client's public writes (from the edge stack), if the stage has one. */
  publicWriteLimitWebAclArn?: string;
}

const DEFAULT_THROTTLE = { rate: 100, burst: 200 };

/** Everything stateless: the HTTP API, sign-in client, one function per catalogue entry, alarms. */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly functions = new Map<string, AppFunction>();
  readonly deadLetterQueues = new Map<string, Queue>();
  readonly alarmTopic: Topic;
  readonly monitoring: Monitoring;
  readonly site: ConsoleSite;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.api = new HttpApi(this, 'Api', {
      description: `Event registration API (${config.stage})`,
      // The console is served from the same origin; CORS only for organisers' own sites, if any.
      ...(config.allowedOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: config.allowedOrigins,
              allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.PATCH, CorsHttpMethod.DELETE],
              allowHeaders: ['authorization', 'content-type', 'accept', 'accept-language'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });
    this.site = new ConsoleSite(this, 'Console', {
      api: this.api,
      projectRoot: props.projectRoot,
      signInOrigin: props.signInDomain.baseUrl(),
      webAclArn: props.publicWriteLimitWebAclArn,
    });
    const publicBaseUrl = config.publicBaseUrl ?? this.site.url;
    const client = this.signInClient(props.userPool, `${publicBaseUrl}${CONSOLE_PATH}`);
    this.site.deploy({ authority: props.signInDomain.baseUrl(), clientId: client.userPoolClientId, redirectUri: `${publicBaseUrl}${CONSOLE_PATH}` });
    // The API accepts exactly the ID tokens this client issues (their audience is its id).
    const authorizer = new HttpUserPoolAuthorizer('OrganiserAuthorizer', props.userPool, { userPoolClients: [client] });

    const settings: Record<SettingName, string> = {
      TABLE_NAME: props.table.tableName,
      MAIL_FROM: config.mailFrom.header,
      PUBLIC_BASE_URL: publicBaseUrl,
      MAIL_RATE_PER_SECOND: String(config.mailRatePerSecond),
      MAIL_RETRY_BASE_SECONDS: String(config.mailRetryBaseSeconds),
      MAIL_CONFIGURATION_SET: props.mailConfigurationSet.configurationSetName,
      EVENT_BUS_NAME: props.stateChangeBus.eventBusName,
    };
    const namespace = metricNamespace(config.stage);

    // CloudFormation types RouteSettings as plain JSON, so CDK does not capitalise its keys for us.
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};

    for (const spec of catalogue) {
      const fn = new AppFunction(this, pascal(spec.name), {
        spec,
        projectRoot: props.projectRoot,
        removalPolicy: config.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        environment: { ...Object.fromEntries(settingsOf(spec).map((name) => [name, settings[name]])), POWERTOOLS_METRICS_NAMESPACE: namespace },
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
        // A failed run needs no dead-letter queue: the next run, a minute later, picks up the same work.
        new Rule(this, `${pascal(spec.name)}Schedule`, {
          description: `Runs ${spec.name} every ${trigger.everyMinutes} minute(s)`,
          schedule: Schedule.rate(Duration.minutes(trigger.everyMinutes)),
          targets: [new LambdaFunction(fn, { retryAttempts: 2 })],
        });
      } else if (trigger.type === 'mail-feedback') {
        this.addMailFeedbackTrigger(fn, spec.name, trigger, props.mailConfigurationSet);
      } else {
        this.addStreamTrigger(fn, spec.name, trigger, props.table);
      }
    }

    this.configureStage(routeSettings);

    this.alarmTopic = new Topic(this, 'Alarms', { displayName: `Event registration ${config.stage} alarms`, enforceSSL: true });
    for (const email of config.alarmEmails) this.alarmTopic.addSubscription(new EmailSubscription(email));
    acknowledge(this.alarmTopic, {
      'AwsSolutions-SNS2':
        'Alarm notifications carry alarm names and figures, never personal data; CloudWatch cannot publish to a topic under the AWS-managed SNS key, and a customer key would cost more than this stage.',
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      stage: config.stage,
      namespace,
      api: this.api,
      functions: this.functions,
      deadLetterQueues: this.deadLetterQueues,
      topic: this.alarmTopic,
    });

    new CfnOutput(this, outputKeys.apiUrl, { value: this.api.apiEndpoint });
    new CfnOutput(this, outputKeys.publicUrl, { value: publicBaseUrl, description: 'Participants and organisers: the hosted forms, the API and the console at /console/' });
    new CfnOutput(this, outputKeys.userPoolClientId, { value: client.userPoolClientId });
    new CfnOutput(this, outputKeys.alarmTopicArn, { value: this.alarmTopic.topicArn });
    for (const [name, fn] of this.functions) {
      if (this.deadLetterQueues.has(name)) {
        new CfnOutput(this, outputKeys.deadLetterQueueUrl(name), { value: this.deadLetterQueues.get(name)!.queueUrl });
        new CfnOutput(this, outputKeys.functionName(name), { value: fn.functionName });
      }
    }
  }

  /**
   * The console's sign-in: authorization code with PKCE through Cognito managed login, a public
   * client (no secret can be kept in a browser), only the scopes that put the e-mail address
   * in the ID token. The one attribute a user may write is their locale: Cognito reads an
   * empty list as "every standard attribute", and the e-mail address (the sign-in name) is not
   * theirs to change; the organisation is immutable besides.
   */
  private signInClient(userPool: UserPool, consoleUrl: string) {
    // In this stack, not the pool's: its callback URL may be this API's own URL.
    const client = new UserPoolClient(this, 'ConsoleClient', {
      userPool,
      generateSecret: false,
      authFlows: { userSrp: false, userPassword: false, adminUserPassword: false, custom: false, user: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: [consoleUrl],
        logoutUrls: [consoleUrl],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      readAttributes: new ClientAttributes().withStandardAttributes({ email: true, emailVerified: true }).withCustomAttributes('organisationId'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });
    // Managed login shows Cognito's own styling until a deployer brands it in the console.
    new CfnManagedLoginBranding(this, 'ConsoleSignInBranding', {
      userPoolId: userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    return client;
  }

  /** SES's events about mail sent through our configuration set, from the default bus; failures end in a dead-letter queue. */
  private addMailFeedbackTrigger(fn: AppFunction, name: string, trigger: MailFeedbackTrigger, configurationSet: ConfigurationSet) {
    const deadLetters = this.deadLetterQueueOf(name, 'rule');
    new Rule(this, `${pascal(name)}Rule`, {
      description: `SES mail events of ${configurationSet.configurationSetName} to ${name}`,
      eventPattern: {
        source: ['aws.ses'],
        detailType: Object.values(MAIL_FEEDBACK_EVENTS),
        detail: { mail: { tags: { 'ses:configuration-set': [configurationSet.configurationSetName] } } },
      },
      targets: [new LambdaFunction(fn, { retryAttempts: trigger.deliveryRetryAttempts, deadLetterQueue: deadLetters })],
    });
    // The rule's queue catches only events it could not hand over; one the function failed on comes here too.
    fn.configureAsyncInvoke({ retryAttempts: trigger.invocationRetryAttempts, onFailure: new SqsDestination(deadLetters) });
  }

  private deadLetterQueueOf(name: string, source: string): Queue {
    const deadLetters = new Queue(this, `${pascal(name)}DeadLetters`, {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(deadLetters, { 'AwsSolutions-SQS3': `This queue is itself the dead-letter destination of ${name}'s ${source}.` });
    this.deadLetterQueues.set(name, deadLetters);
    return deadLetters;
  }

  /** The table stream, filtered as the catalogue says; failures end in this function's own dead-letter queue. */
  private addStreamTrigger(fn: AppFunction, name: string, trigger: TableStreamTrigger, table: Table) {
    const deadLetters = this.deadLetterQueueOf(name, 'stream trigger');
    fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: trigger.batchSize,
        retryAttempts: trigger.retryAttempts,
        maxRecordAge: Duration.hours(trigger.maxRecordAgeHours),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(deadLetters),
        filters: trigger.filters.map((filter) => FilterCriteria.filter(filter)),
      }),
    );
  }

  /** Exactly the DynamoDB actions the catalogue entry names: queries on the table or the one index named, the rest on the table. */
  private grantAccess(fn: AppFunction, spec: FunctionSpec, props: ApiStackProps) {
    const actions = spec.table ?? [];
    const itemActions = actions.filter((action) => !action.startsWith('Query'));
    if (itemActions.length > 0) {
      fn.addToRolePolicy(new PolicyStatement({ actions: itemActions.map((action) => `dynamodb:${action}`), resources: [props.table.tableArn] }));
    }
    const queried = actions.filter((action) => action.startsWith('Query')).map((action) => (action === 'Query' ? props.table.tableArn : `${props.table.tableArn}/index/${action.slice('Query:'.length)}`));
    if (queried.length > 0) fn.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: queried }));
    if (spec.publishesStateChanges) props.stateChangeBus.grantPutEventsTo(fn);
    if (spec.sendsMail) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          // SES authorises a send on the identity and on the configuration set it names.
          resources: [
            this.formatArn({ service: 'ses', resource: 'identity', resourceName: props.mailIdentity.emailIdentityName }),
            this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: props.mailConfigurationSet.configurationSetName }),
          ],
        }),
      );
    }
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

export function acknowledge(scope: Construct, findings: Record<string, string>) {
  for (const [id, reason] of Object.entries(findings)) Validations.of(scope).acknowledge({ id, reason });
}
