import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import * as path from 'node:path';
import { BUNDLE_TARGET, ESBUILD_ARGS, ESM_REQUIRE_BANNER, EXTERNAL_MODULES, MAIN_FIELDS, SOURCES_CONTENT } from '../bundling';
import { handlerEntry, limitsOf, type FunctionSpec } from '../catalogue';

export interface AppFunctionProps {
  spec: FunctionSpec;
  environment: Record<string, string>;
  projectRoot: string;
  /** What happens to its log group when the stack goes: prod keeps it. */
  removalPolicy?: RemovalPolicy;
}

/**
 * A Lambda with the house defaults: Node 24 on arm64, minified ESM with source maps, traced,
 * logs kept a month, and a role of its own that may write only to its own log group (the stack
 * adds exactly the table and mail actions its catalogue entry names).
 */
export class AppFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, { spec, environment, projectRoot, removalPolicy }: AppFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH, removalPolicy: removalPolicy ?? RemovalPolicy.DESTROY });
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `Runs ${spec.name}` });
    role.addToPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    const unscopable = 'X-Ray tracing and dynamodb:ListStreams (stream triggers) have no resource-level permissions.';
    for (const finding of ['Action::xray:PutTelemetryRecords', 'Action::xray:PutTraceSegments', 'Resource::*']) {
      Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: unscopable });
    }
    const props: NodejsFunctionProps = {
      entry: path.join(projectRoot, handlerEntry(spec)),
      handler: 'handler',
      description: spec.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: limitsOf(spec).memoryMb,
      timeout: Duration.seconds(limitsOf(spec).timeoutSeconds),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      environment: {
        ...environment,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: spec.name,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLE_TARGET,
        minify: true,
        sourceMap: true,
        sourcesContent: SOURCES_CONTENT,
        mainFields: MAIN_FIELDS,
        externalModules: EXTERNAL_MODULES,
        esbuildArgs: ESBUILD_ARGS,
        banner: ESM_REQUIRE_BANNER,
        ...(spec.assets?.length
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                // Run-time files (fonts) go beside index.mjs, where the code looks for them.
                afterBundling: (inputDir: string, outputDir: string) =>
                  spec.assets!.map((asset) => `cp "${path.join(inputDir, 'node_modules', asset)}" "${outputDir}/"`),
              },
            }
          : {}),
      },
    };
    super(scope, id, props);
  }
}
