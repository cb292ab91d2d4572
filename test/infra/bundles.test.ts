import { App, Stack } from 'aws-cdk-lib';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../infra/app';
import { catalogue } from '../../infra/catalogue';
import { AppFunction } from '../../infra/constructs/app-function';

const outdir = mkdtempSync(path.join(tmpdir(), 'bundles-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Bundles one function exactly as a deployment does (the construct runs esbuild) and returns its index.mjs. */
function deployedBundle(name: string): string {
  const app = new App({ outdir });
  const stack = new Stack(app, 'BundleProbe');
  new AppFunction(stack, 'Probe', { spec: catalogue.find((spec) => spec.name === name)!, environment: {}, projectRoot });
  const assembly = app.synth();
  const assetDir = readdirSync(assembly.directory).find((entry) => entry.startsWith('asset.'))!;
  return readFileSync(path.join(assembly.directory, assetDir, 'index.mjs'), 'utf8');
}

describe('deployed bundles', () => {
  it('carry the AWS SDK they were tested with instead of importing the runtime\'s', () => {
    const bundle = deployedBundle('get-public-event');

    expect(bundle).not.toMatch(/from\s*["']@aws-sdk\//);
    expect(bundle).not.toMatch(/import\(["']@aws-sdk\//);
    // The DynamoDB client's own endpoint rules travel inside the bundle.
    expect(bundle).toContain('dynamodb');
    // Credentials come from Lambda's environment only: no SSO or profile-file code rides along.
    expect(bundle).not.toContain('sso_start_url');
  });
});
