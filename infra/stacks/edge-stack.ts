import { CfnOutput, Fn, LegacyStackSynthesizer, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { CLIENT_WRITE_LIMIT, publicWriteRoutes } from '../client-limit';
import { PublicWriteLimit } from '../constructs/public-write-limit';

export interface EdgeStackProps extends Omit<StackProps, 'env' | 'synthesizer'> {
  stage: string;
}

/** CloudFront reads web ACLs (and certificates) only from this region. */
const CLOUDFRONT_REGION = 'us-east-1';
const WEB_ACL_ARN_OUTPUT = 'PublicWriteLimitWebAclArn';

/**
 * What the CloudFront distribution needs from us-east-1 while the rest of the stage deploys
 * to the deployer's own region: the web ACL that limits each client's public writes.
 *
 * How the API stack gets the ARN: it reads this stack's output with `Fn::GetStackOutput`
 * (a CloudFormation intrinsic that reads across regions when the stack deploys). CDK's own
 * cross-region references would need the API stack's region at synth time, and would add a
 * custom-resource Lambda to each stack; this keeps the API stack environment-agnostic and
 * `cdk synth` offline. The API stack depends on this one, so `cdk deploy --all` deploys it
 * first.
 *
 * How it deploys: with the deployer's own credentials and its small template sent inline
 * (LegacyStackSynthesizer; it has no assets), so us-east-1 needs no `cdk bootstrap`: the
 * README's bootstrap step, with any stage, and the upgrade of a stage bootstrapped before
 * this stack existed, stay as they are. The default synthesizer would assume the bootstrap
 * roles in us-east-1 and fail where that region was never bootstrapped.
 */
export class EdgeStack extends Stack {
  readonly publicWriteLimit: PublicWriteLimit;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, env: { region: CLOUDFRONT_REGION }, synthesizer: new LegacyStackSynthesizer() });
    this.publicWriteLimit = new PublicWriteLimit(this, 'PublicWriteLimit', { stage: props.stage, limit: CLIENT_WRITE_LIMIT, routes: publicWriteRoutes() });
    new CfnOutput(this, WEB_ACL_ARN_OUTPUT, { value: this.publicWriteLimit.webAcl.attrArn, description: 'The web ACL the CloudFront distribution of this stage uses' });
  }

  /** The web ACL's ARN for a stack in any region, read from this stack when that stack deploys. */
  webAclArnForOtherStacks(): string {
    return Fn.getStackOutput(this.stackName, WEB_ACL_ARN_OUTPUT, CLOUDFRONT_REGION);
  }
}
