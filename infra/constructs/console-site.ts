import { AssetHashType, DockerImage, Duration, Fn, RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { consoleCsp } from '../console-headers';
import { CONSOLE_PATH } from '../deployment-config';

export interface ConsoleSiteProps {
  api: HttpApi;
  projectRoot: string;
  /** The managed-login domain (https://…amazoncognito.com): the console posts its sign-in code there. */
  signInOrigin: string;
  /** The AWS WAF web ACL (scope CLOUDFRONT, in us-east-1) in front of everything; none when the stage does without. */
  webAclArn?: string;
}

/**
 * One origin for organisers and participants: CloudFront serves the console's files from a
 * private bucket under /console/ and passes everything else to the HTTP API, uncached. Same
 * origin, so the console needs no CORS and its CSP can say connect-src 'self'.
 */
export class ConsoleSite extends Construct {
  readonly distribution: Distribution;
  readonly url: string;
  private readonly bucket: Bucket;
  private readonly projectRoot: string;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);
    const bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Built files only, rebuilt on every deploy: nothing to keep.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Console: strict CSP and hardening headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: consoleCsp(props.signInOrigin), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });
    // The functions send HSTS themselves; this covers what API Gateway answers on its own (throttling, the authorizer's 401).
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: 'API: HTTPS only, on every answer',
      securityHeadersBehavior: { strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: false } },
    });
    // /console → /console/, and a folder path to its index.html (S3 has no directory index).
    const consolePaths = new CloudFrontFunction(this, 'ConsolePaths', {
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(`function handler(event) {
  var request = event.request;
  if (request.uri === '${CONSOLE_PATH.slice(0, -1)}') return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '${CONSOLE_PATH}' } } };
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  return request;
}`),
    });
    const consoleBehaviour = {
      origin: S3BucketOrigin.withOriginAccessControl(bucket),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: securityHeaders,
      functionAssociations: [{ function: consolePaths, eventType: FunctionEventType.VIEWER_REQUEST }],
    };

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Event registration ${Stack.of(this).stackName}`,
      defaultBehavior: {
        // The API's host, from its endpoint URL (https://<id>.execute-api.<region>.amazonaws.com).
        origin: new HttpOrigin(Fn.select(2, Fn.split('/', props.api.apiEndpoint))),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: apiHeaders,
      },
      additionalBehaviors: { [CONSOLE_PATH.slice(0, -1)]: consoleBehaviour, [`${CONSOLE_PATH}*`]: consoleBehaviour },
      webAclId: props.webAclArn,
      // WAF counts each IPv6 address apart, and one home connection holds billions of them: with
      // the per-client limit on, clients come over IPv4, where an address means a connection.
      enableIpv6: props.webAclArn === undefined,
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    this.bucket = bucket;
    this.projectRoot = props.projectRoot;
    acknowledge(bucket, { 'AwsSolutions-S1': 'The bucket holds only the built console, read through CloudFront; access logs would record nothing worth keeping.' });
    acknowledge(this.distribution, {
      'AwsSolutions-CFR1': 'Organisers and participants may be anywhere; no country is excluded.',
      ...(props.webAclArn
        ? {}
        : { 'AwsSolutions-CFR2': 'This stage runs without the per-client limit (clientLimit=off): the API behind the distribution still has its per-route throttles.' }),
      'AwsSolutions-CFR3': 'No CloudFront access logs: they would store every visitor IP address, which the privacy promise rules out.',
      'AwsSolutions-CFR4': 'The default *.cloudfront.net certificate allows older TLS; a custom domain with TLSv1.2_2021 is a deployer choice.',
    });
  }

  /** Uploads the built console and what it reads at start: where to sign in, as which client. */
  deploy(config: { authority: string; clientId: string; redirectUri: string }) {
    const deployment = new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      destinationKeyPrefix: CONSOLE_PATH.slice(1),
      sources: [consoleBuild(this.projectRoot), Source.jsonData('config.json', config)],
      distribution: this.distribution,
      distributionPaths: [`${CONSOLE_PATH}*`],
      // Browsers ask again each time (a 304 when unchanged), so a deploy reaches every organiser
      // at once; index.html, the service worker and config.json must never be stale.
      cacheControl: [CacheControl.noCache()],
      memoryLimit: 256,
    });
    // CDK's own helpers: the deployment's copy function and the bucket's auto-delete provider.
    const helpers = [deployment.handlerRole.node.scope, Stack.of(this).node.tryFindChild('Custom::S3AutoDeleteObjectsCustomResourceProvider')].filter(
      (helper): helper is Construct => helper !== undefined,
    );
    const stack = Stack.of(this);
    const bucketArn = `<${stack.getLogicalId(this.bucket.node.defaultChild as CfnElement)}.Arn>`;
    const copies = "CDK's helper copies the built files from CDK's asset bucket into the console bucket, and deletes them with it.";
    for (const helper of helpers) {
      acknowledge(helper, {
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]': "CDK's helper writes its own logs with AWSLambdaBasicExecutionRole.",
        ...Object.fromEntries(
          ['Action::s3:Abort*', 'Action::s3:DeleteObject*', 'Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*', `Resource::${bucketArn}/*`, 'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*'].map(
            (finding) => [`AwsSolutions-IAM5[${finding}]`, copies],
          ),
        ),
        'AwsSolutions-IAM5[Resource::*]': "CDK's BucketDeployment helper grants itself CloudFront invalidation on * and offers no way to scope it to this distribution.",
        'AwsSolutions-L1': "CDK picks its helper's runtime.",
      });
    }
  }
}

function acknowledge(scope: Construct, findings: Record<string, string>) {
  for (const [id, reason] of Object.entries(findings)) Validations.of(scope).acknowledge({ id, reason });
}

/** The console built by the project's own build, in-process: no Docker, no second install. */
function consoleBuild(projectRoot: string) {
  return Source.asset(path.join(projectRoot, 'console'), {
    exclude: ['dist'],
    // Hashed by what the build produced: the console also imports shared rules from outside console/.
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('unused-local-bundling-only'),
      local: {
        tryBundle(outputDir: string) {
          execFileSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'console', 'build-cli.ts'), outputDir], { cwd: projectRoot, stdio: 'inherit' });
          return true;
        },
      },
    },
  });
}
