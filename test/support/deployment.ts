import { App } from 'aws-cdk-lib';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildApp, projectRoot } from '../../infra/app';
import { parseDeploymentConfig } from '../../infra/deployment-config';

const cdkContext = JSON.parse(readFileSync(path.join(projectRoot, 'cdk.json'), 'utf8')).context as Record<string, unknown>;

/** The README's deploy example, as the settings parser reads it. */
export const README_SETTINGS = {
  stage: 'prod',
  mailFrom: 'Masterclass <no-reply@events.mijngemeente.nl>',
  alarmEmails: 'beheer@mijngemeente.nl',
} as const;

/** One stage's stacks without bundling: these tests are about templates (the bench bundles for real). */
export function synthStage(settings: Record<string, unknown> = README_SETTINGS, outdir?: string) {
  const app = new App({ ...(outdir ? { outdir } : {}), context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  return { app, ...buildApp(app, parseDeploymentConfig(settings)) };
}
