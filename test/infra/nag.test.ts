import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { README_SETTINGS, synthStage } from '../support/deployment';

const outdir = mkdtempSync(path.join(tmpdir(), 'cdk-nag-'));

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('cdk-nag (AwsSolutions)', () => {
  it('finds nothing that is neither fixed nor acknowledged with a reason', () => {
    const { app } = synthStage(README_SETTINGS, outdir);

    expect(() => app.synth()).not.toThrow();
  });

  it('does fail synthesis on a finding nobody acknowledged', () => {
    const { app, api } = synthStage(README_SETTINGS, mkdtempSync(path.join(outdir, 'bad-')));
    const careless = new Role(api as Stack, 'CarelessRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    careless.addToPolicy(new PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));

    expect(() => app.synth()).toThrow();
  });
});
