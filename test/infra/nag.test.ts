import { App, Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, projectRoot } from '../../infra/app';

const cdkContext = JSON.parse(readFileSync(path.join(projectRoot, 'cdk.json'), 'utf8')).context as Record<string, unknown>;
const outdir = mkdtempSync(path.join(tmpdir(), 'cdk-nag-'));

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('cdk-nag (AwsSolutions)', () => {
  it('finds nothing that is neither fixed nor acknowledged with a reason', () => {
    const app = new App({ outdir, context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
    buildApp(app, { mailFrom: 'no-reply@events.example.org', allowedOrigins: ['https://www.example.org'], mailRatePerSecond: 10 });

    expect(() => app.synth()).not.toThrow();
  });

  it('does fail synthesis on a finding nobody acknowledged', () => {
    const app = new App({ outdir: mkdtempSync(path.join(outdir, 'bad-')), context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
    const { api } = buildApp(app, { mailFrom: 'no-reply@events.example.org', allowedOrigins: ['https://www.example.org'], mailRatePerSecond: 10 });
    const careless = new Role(api as Stack, 'CarelessRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    careless.addToPolicy(new PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));

    expect(() => app.synth()).toThrow();
  });
});
