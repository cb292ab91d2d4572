import { Aws, CfnOutput, Duration, Fn, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccountRecovery, ManagedLoginVersion, Mfa, StringAttribute, UserPool, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { MAIL_FEEDBACK_EVENTS } from '../catalogue';
import { STATE_CHANGE_SOURCE } from '../../shared/domain/state-changes';
import type { Construct } from 'constructs';
import { ROLES } from '../../shared/http/claims';
import type { DeploymentConfig } from '../deployment-config';
import { outputKeys } from '../ops/stack-outputs';
import { tableDesign } from '../table';

export interface StatefulStackProps extends StackProps {
  config: Pick<DeploymentConfig, 'stage' | 'mailFrom' | 'protectData' | 'authDomainPrefix'>;
}

/**
 * What holds data: the table, the organisers and their sign-in domain, the mail identity. In
 * prod all of it is retained and protected; another stage can be destroyed with its data.
 */
export class StatefulStack extends Stack {
  readonly table: Table;
  readonly userPool: UserPool;
  readonly signInDomain: UserPoolDomain;
  readonly mailIdentity: EmailIdentity;
  readonly mailConfigurationSet: ConfigurationSet;
  readonly stateChangeBus: EventBus;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: config.protectData,
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      stream: StreamViewType[tableDesign.streamView],
      removalPolicy,
    });
    for (const index of tableDesign.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }

    this.userPool = new UserPool(this, 'Organisers', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      // Immutable: the organisation an account acts for is set once, by an administrator.
      customAttributes: { organisationId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }) },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userInvitation: {
        emailSubject: 'Your organiser account for event registration',
        emailBody:
          'An organiser account was made for you. Sign in with {username} and the temporary password {####}; you will choose your own password and set up an authenticator app.',
      },
      deletionProtection: config.protectData,
      removalPolicy,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason: 'Organiser accounts are created by an administrator and sign in with MFA; the paid Plus tier is left to each deployer.',
    });
    // A role is membership of the group of that name; the API reads it from the token's cognito:groups.
    for (const role of ROLES) {
      this.userPool.addGroup(`${role[0]!.toUpperCase()}${role.slice(1)}Group`, { groupName: role, description: `Accounts with the ${role} role` });
    }

    // Cognito's managed login pages; the prefix must be unique in the region, hence the account.
    const domainPrefix = config.authDomainPrefix ?? Fn.join('-', ['events', config.stage, Aws.ACCOUNT_ID]);
    this.signInDomain = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    // Every send names this set (and it is the identity's default): SES publishes what became of
    // each mail to the default event bus, where mail-feedback records it; addresses that bounce
    // or complain also land on the account's suppression list.
    this.mailConfigurationSet = new ConfigurationSet(this, 'MailConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.mailConfigurationSet.addEventDestination('Feedback', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: (Object.keys(MAIL_FEEDBACK_EVENTS) as Array<keyof typeof MAIL_FEEDBACK_EVENTS>).map((name) => EmailSendingEvent[name]),
    });
    this.mailIdentity = new EmailIdentity(this, 'MailIdentity', { identity: Identity.domain(config.mailFrom.domain), configurationSet: this.mailConfigurationSet });

    // Other systems (a CRM, Slack through an API destination) follow registrations with rules on
    // this bus. It lives with the data so its name, which those rules name, outlives the API stack;
    // the archive lets a consumer that was down replay what it missed.
    this.stateChangeBus = new EventBus(this, 'StateChanges', { description: `Registration, certificate and event state changes (${config.stage})` });
    this.stateChangeBus.archive('StateChangeArchive', {
      description: 'Two weeks of state changes, for consumers to replay',
      eventPattern: { source: [STATE_CHANGE_SOURCE] },
      retention: Duration.days(14),
    });

    new CfnOutput(this, outputKeys.tableName, { value: this.table.tableName, description: 'The table (npm run migrate -- --stage ...)' });
    new CfnOutput(this, outputKeys.userPoolId, { value: this.userPool.userPoolId, description: 'Organiser accounts (npm run organiser -- --stage ...)' });
    new CfnOutput(this, outputKeys.signInDomain, { value: this.signInDomain.baseUrl(), description: 'Cognito managed login' });
    new CfnOutput(this, 'StateChangeBusName', { value: this.stateChangeBus.eventBusName, description: 'Rules on this bus receive every state change (schema: events/schemas/state-change.v1.json)' });
    new CfnOutput(this, 'MailIdentityDomain', { value: config.mailFrom.domain, description: 'Verify this domain in SES (DKIM records) before mail can go out' });
  }
}
