import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { README_SETTINGS, synthStage } from '../support/deployment';

const outdir = mkdtempSync(path.join(tmpdir(), 'client-limit-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

let prod: ReturnType<typeof synthStage>;
let edge: Template;
let api: Template;

beforeAll(() => {
  prod = synthStage(README_SETTINGS, outdir);
  edge = Template.fromStack(prod.edge!);
  api = Template.fromStack(prod.api);
});

type Statement = Record<string, any>;

const rateRule = () => {
  const acl = Object.values(edge.findResources('AWS::WAFv2::WebACL'))[0] as { Properties: { Rules: Array<{ Name: string; Statement: Statement; Action: any }> } };
  return acl.Properties.Rules.find((rule) => rule.Name === 'PublicWritesPerClient')!;
};

/** Each route the scope-down counts, as [method, path regex]. */
const countedRoutes = (scopeDown: Statement): Array<[string, string]> =>
  (scopeDown.OrStatement?.Statements ?? [scopeDown]).map((route: Statement) => {
    const parts = route.AndStatement.Statements as Statement[];
    const method = parts.find((part) => part.ByteMatchStatement)!.ByteMatchStatement;
    const uri = parts.find((part) => part.RegexMatchStatement)!.RegexMatchStatement;
    expect(method.FieldToMatch).toEqual({ Method: {} });
    expect(uri.FieldToMatch).toEqual({ UriPath: {} });
    return [method.SearchString, uri.RegexString];
  });

describe('the per-client limit in a prod stage', () => {
  it('is a CloudFront web ACL in its own us-east-1 stack that lets everything else through', () => {
    expect([prod.edge!.stackName, prod.edge!.region]).toEqual(['EventRegistration-prod-Edge', 'us-east-1']);
    edge.resourceCountIs('AWS::WAFv2::WebACL', 1);
    edge.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
  });

  it('allows each client address 300 writes per 5 minutes, counted by the address CloudFront saw', () => {
    expect(rateRule().Statement.RateBasedStatement).toMatchObject({ Limit: 300, EvaluationWindowSec: 300, AggregateKeyType: 'IP' });
  });

  it('counts only the public write routes: registering and cancelling, not reads and not organiser routes', () => {
    const routes = countedRoutes(rateRule().Statement.RateBasedStatement.ScopeDownStatement);

    expect(routes).toEqual(
      expect.arrayContaining([
        ['POST', '^/events/([^/]+)/registrations$'],
        ['POST', '^/registrations/([^/]+)/cancel$'],
      ]),
    );
    expect(routes.filter(([method, pattern]) => method === 'GET' || pattern.startsWith('^/admin'))).toEqual([]);
    const counts = (requestPath: string) => routes.some(([, pattern]) => new RegExp(pattern).test(requestPath));
    expect([counts('/events/masterclass-demo/registrations'), counts('/events/masterclass-demo'), counts('/admin/events/masterclass-demo/registrations')]).toEqual([true, false, false]);
  });

  it('answers a blocked client 429 with Retry-After and a problem body', () => {
    const block = rateRule().Action.Block.CustomResponse;
    const bodies = (Object.values(edge.findResources('AWS::WAFv2::WebACL'))[0] as { Properties: { CustomResponseBodies: Record<string, { ContentType: string; Content: string }> } }).Properties
      .CustomResponseBodies;

    expect(block.ResponseCode).toBe(429);
    expect(block.ResponseHeaders).toEqual(expect.arrayContaining([{ Name: 'Retry-After', Value: '300' }]));
    const body = bodies[block.CustomResponseBodyKey]!;
    expect(body.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(body.Content)).toMatchObject({ type: 'urn:event-registration:problem:too-many-requests', status: 429, title: expect.any(String), detail: expect.any(String) });
  });

  it('keeps no visitor addresses: no sampled requests', () => {
    edge.hasResourceProperties('AWS::WAFv2::WebACL', { VisibilityConfig: { SampledRequestsEnabled: false } });
    expect(rateRule()).toMatchObject({ VisibilityConfig: { SampledRequestsEnabled: false } });
  });

  it('sits in front of the distribution, whose stack reads its ARN from the edge stack when it deploys, after it', () => {
    api.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        WebACLId: { 'Fn::GetStackOutput': { StackName: 'EventRegistration-prod-Edge', OutputName: 'PublicWriteLimitWebAclArn', Region: 'us-east-1' } },
        // Per IPv6 address, one connection could spend the limit billions of times over.
        IPV6Enabled: false,
      },
    });
    edge.hasOutput('PublicWriteLimitWebAclArn', { Value: { 'Fn::GetAtt': [edge.getResourceId('AWS::WAFv2::WebACL'), 'Arn'] } });
    expect(prod.api.dependencies.map((stack) => stack.stackName)).toContain('EventRegistration-prod-Edge');
  });

  it('deploys with the deployer\'s credentials, so us-east-1 needs no cdk bootstrap, and the API stack stays region-agnostic', () => {
    const assembly = prod.app.synth();
    const edgeArtifact = assembly.getStackByName('EventRegistration-prod-Edge');
    const apiArtifact = assembly.getStackByName('EventRegistration-prod-Api');

    expect(edgeArtifact.assumeRoleArn).toBeUndefined();
    expect(edgeArtifact.template.Rules?.CheckBootstrapVersion).toBeUndefined();
    expect(apiArtifact.environment.region).toBe('unknown-region');
  });
});

describe('switching the limit per stage', () => {
  const hasWebAcl = (settings: Record<string, unknown>) => {
    const stage = synthStage({ ...README_SETTINGS, ...settings });
    const distribution = Template.fromStack(stage.api).findResources('AWS::CloudFront::Distribution');
    return { edgeStack: stage.edge !== undefined, webAclOnDistribution: Object.values(distribution).some((resource: any) => resource.Properties.DistributionConfig.WebACLId !== undefined) };
  };

  it('is off in a dev stage unless switched on', () => {
    expect(hasWebAcl({ stage: 'dev' })).toEqual({ edgeStack: false, webAclOnDistribution: false });
    expect(hasWebAcl({ stage: 'dev', clientLimit: 'on' })).toEqual({ edgeStack: true, webAclOnDistribution: true });
  });

  it('can be switched off in prod', () => {
    expect(hasWebAcl({ clientLimit: 'off' })).toEqual({ edgeStack: false, webAclOnDistribution: false });
  });
});
