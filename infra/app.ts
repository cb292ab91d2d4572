import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEPLOYMENT_SETTINGS, DeploymentConfigError, parseDeploymentConfig, stackNames, type DeploymentConfig } from './deployment-config';
import { projectRoot } from './project-root';
import { ApiStack } from './stacks/api-stack';
import { EdgeStack } from './stacks/edge-stack';
import { StatefulStack } from './stacks/stateful-stack';

/** Builds one stage's stacks; shared by `cdk synth` and the infra tests. */
export function buildApp(app: App, config: DeploymentConfig) {
  const names = stackNames(config.stage);
  const description = (what: string) => `Event registration (${config.stage}): ${what}`;
  const stateful = new StatefulStack(app, names.data, {
    stackName: names.data,
    description: description('table, organiser accounts, mail identity'),
    config,
  });
  const edge = config.clientLimit
    ? new EdgeStack(app, names.edge, {
        stackName: names.edge,
        description: description('per-client limit on registering and cancelling (AWS WAF for CloudFront, in us-east-1)'),
        stage: config.stage,
      })
    : undefined;
  const api = new ApiStack(app, names.api, {
    stackName: names.api,
    description: description('API, functions, alarms, dashboard'),
    config,
    table: stateful.table,
    userPool: stateful.userPool,
    signInDomain: stateful.signInDomain,
    mailIdentity: stateful.mailIdentity,
    mailConfigurationSet: stateful.mailConfigurationSet,
    stateChangeBus: stateful.stateChangeBus,
    projectRoot,
    publicWriteLimitWebAclArn: edge?.webAclArnForOtherStacks(),
  });
  // Fn::GetStackOutput is a reference CDK does not see: without this, --all could deploy them in either order.
  if (edge) api.addStackDependency(edge, "the CloudFront distribution reads the web ACL's ARN from the edge stack when it deploys");
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { stateful, api, edge };
}

/** The deployment settings from `-c key=value` (or `configFile`), validated; see infra/deployment-config.ts. */
export function configFromContext(app: App): DeploymentConfig {
  const raw = Object.fromEntries(Object.keys(DEPLOYMENT_SETTINGS).map((name) => [name, app.node.tryGetContext(name)]));
  return parseDeploymentConfig(raw, { baseDir: projectRoot });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const app = new App();
  try {
    buildApp(app, configFromContext(app));
  } catch (error) {
    if (!(error instanceof DeploymentConfigError)) throw error;
    // The settings' own message says what to fix; a stack trace would only bury it.
    console.error(error.message);
    process.exit(1);
  }
  app.synth();
}

export { projectRoot };
