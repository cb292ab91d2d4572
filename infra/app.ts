import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './project-root';
import { ApiStack } from './stacks/api-stack';
import { StatefulStack } from './stacks/stateful-stack';

export interface AppSettings {
  mailFrom: string;
  allowedOrigins: string[];
  publicBaseUrl?: string;
  mailRatePerSecond: number;
  mailRetryBaseSeconds?: number;
}


/** Builds both stacks; shared by `cdk synth` and the infra tests. */
export function buildApp(app: App, settings: AppSettings) {
  const stateful = new StatefulStack(app, 'EventRegistrationData', { mailFrom: settings.mailFrom });
  const api = new ApiStack(app, 'EventRegistrationApi', {
    table: stateful.table,
    userPool: stateful.userPool,
    mailIdentity: stateful.mailIdentity,
    mailFrom: settings.mailFrom,
    allowedOrigins: settings.allowedOrigins,
    publicBaseUrl: settings.publicBaseUrl,
    mailRatePerSecond: settings.mailRatePerSecond,
    mailRetryBaseSeconds: settings.mailRetryBaseSeconds ?? 30,
    projectRoot,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { stateful, api };
}

export function settingsFromContext(app: App): AppSettings {
  const context = (key: string) => app.node.tryGetContext(key) as string | undefined;
  return {
    mailFrom: context('mailFrom') ?? 'no-reply@example.org',
    allowedOrigins: (context('allowedOrigins') ?? 'https://example.org').split(',').map((origin) => origin.trim()).filter(Boolean),
    publicBaseUrl: context('publicBaseUrl'),
    mailRatePerSecond: Number(context('mailRatePerSecond') ?? 10),
    mailRetryBaseSeconds: Number(context('mailRetryBaseSeconds') ?? 30),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const app = new App();
  buildApp(app, settingsFromContext(app));
  app.synth();
}

export { projectRoot };
