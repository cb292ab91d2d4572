import { RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Mfa, StringAttribute, UserPool, AccountRecovery } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { tableDesign } from '../table';

export interface StatefulStackProps extends StackProps {
  /** The address mail is sent from; its domain (or the address) becomes the SES identity. */
  mailFrom: string;
}

/** What holds data and must outlive any deployment: the table, the organisers, the mail identity. */
export class StatefulStack extends Stack {
  readonly table: Table;
  readonly userPool: UserPool;
  readonly mailIdentity: EmailIdentity;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      stream: StreamViewType[tableDesign.streamView],
      removalPolicy: RemovalPolicy.RETAIN,
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
      customAttributes: { organisationId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }) },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason: 'Organiser accounts are created by an administrator and sign in with MFA; the paid Plus tier is left to each deployer.',
    });

    const domain = props.mailFrom.includes('@') ? props.mailFrom.split('@')[1]! : props.mailFrom;
    this.mailIdentity = new EmailIdentity(this, 'MailIdentity', { identity: Identity.domain(domain) });
  }
}
