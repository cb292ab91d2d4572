import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { HttpTrigger } from '../catalogue';
import { CLIENT_LIMIT_PROBLEM, routePathPattern, type ClientLimit } from '../client-limit';

export interface PublicWriteLimitProps {
  stage: string;
  limit: ClientLimit;
  /** The routes whose requests count towards each client's limit (publicWriteRoutes() from the catalogue). */
  routes: readonly HttpTrigger[];
}

const BLOCKED_BODY_KEY = 'too-many-writes';
export const PUBLIC_WRITE_RULE_NAME = 'PublicWritesPerClient';

/**
 * A CloudFront web ACL with one rule: a client address that sends more than the limit of
 * requests to the public write routes within the window is answered 429 until its rate
 * falls back under the limit. Everything else passes untouched.
 */
export class PublicWriteLimit extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: PublicWriteLimitProps) {
    super(scope, id);
    if (props.routes.length === 0) throw new Error('PublicWriteLimit needs at least one route to count');
    const routeStatements = props.routes.map((route) => routeStatement(route));

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: `Event registration ${props.stage}: at most ${props.limit.requests} registrations and cancellations per client address in ${props.limit.windowSeconds} seconds`,
      defaultAction: { allow: {} },
      // Sampled requests would keep visitors' addresses and paths in the WAF console; the
      // stack keeps no IP address anywhere (see the API's access log format).
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: `EventRegistration-${props.stage}`, sampledRequestsEnabled: false },
      // WAF offers only text/plain, text/html and application/json here, and forbids a
      // content-type header: the problem goes out as application/json.
      customResponseBodies: { [BLOCKED_BODY_KEY]: { contentType: 'APPLICATION_JSON', content: JSON.stringify(CLIENT_LIMIT_PROBLEM) } },
      rules: [
        {
          name: PUBLIC_WRITE_RULE_NAME,
          priority: 0,
          statement: {
            rateBasedStatement: {
              limit: props.limit.requests,
              evaluationWindowSec: props.limit.windowSeconds,
              // The address CloudFront saw the request come from; FORWARDED_IP would trust a
              // header any client can write.
              aggregateKeyType: 'IP',
              scopeDownStatement: routeStatements.length === 1 ? routeStatements[0] : { orStatement: { statements: routeStatements } },
            },
          },
          action: {
            block: {
              customResponse: {
                responseCode: 429,
                customResponseBodyKey: BLOCKED_BODY_KEY,
                // WAF counts over a sliding window and cannot say when this client's oldest
                // request leaves it: a whole window is the wait that is always long enough.
                responseHeaders: [
                  { name: 'Retry-After', value: String(props.limit.windowSeconds) },
                  { name: 'Cache-Control', value: 'no-store' },
                ],
              },
            },
          },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: `EventRegistration-${props.stage}-${PUBLIC_WRITE_RULE_NAME}`, sampledRequestsEnabled: false },
        },
      ],
    });
  }
}

/** One route: its method, and its path with any value in each parameter segment. */
function routeStatement(route: HttpTrigger): CfnWebACL.StatementProperty {
  return {
    andStatement: {
      statements: [
        { byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: 'EXACTLY', searchString: route.method, textTransformations: [{ priority: 0, type: 'NONE' }] } },
        {
          regexMatchStatement: {
            fieldToMatch: { uriPath: {} },
            regexString: routePathPattern(route.path).source,
            // Decoded first, so a percent-encoded letter does not slip a request past the count.
            textTransformations: [{ priority: 0, type: 'URL_DECODE' }],
          },
        },
      ],
    },
  };
}
