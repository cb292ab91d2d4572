import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpFunctions, type FunctionSpec, type HttpTrigger } from '../catalogue';
import { isPublicWrite, routePathPattern, type ClientLimit } from '../client-limit';
import { ClientLimiter, clientLimitResponse } from './client-limit';
import type { LambdaHandler } from './handlers';
import { lambdaContext } from './lambda-context';

/** API Gateway's own payload limit. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

interface Route {
  spec: FunctionSpec & { trigger: HttpTrigger };
  pattern: RegExp;
  parameterNames: string[];
}

export interface GatewayOptions {
  port: number;
  host?: string;
  loadHandler: (spec: FunctionSpec) => Promise<LambdaHandler>;
  /** Verifies a bearer token like the JWT authorizer and returns its claims. */
  verifyToken: (token: string) => Promise<Record<string, unknown>>;
  allowedOrigins?: readonly string[];
  /**
   * Serves requests outside the API (the local sign-in pages, the console) before the
   * catalogue's routes are matched; resolves true when it answered the request.
   */
  extraRoutes?: (request: http.IncomingMessage, response: http.ServerResponse) => Promise<boolean>;
  /**
   * What AWS WAF allows each client address on the public write routes (infra/client-limit.ts);
   * without it, no client is limited.
   */
  clientWriteLimit?: ClientLimit;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

export function compileRoutes(): Route[] {
  return httpFunctions().map((spec) => {
    const { source, parameterNames } = routePathPattern(spec.trigger.path);
    return { spec, pattern: new RegExp(source), parameterNames };
  });
}

/** A path segment as API Gateway hands it over: percent-decoded, or undefined when its escapes are broken (`%E0%A4`). */
function decodedSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchRoute(routes: Route[], method: string, path: string) {
  for (const route of routes) {
    if (route.spec.trigger.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    const values = route.parameterNames.map((_, index) => decodedSegment(match[index + 1]!));
    if (values.some((value) => value === undefined)) return 'malformed' as const;
    const pathParameters = Object.fromEntries(route.parameterNames.map((name, index) => [name, values[index]!]));
    return { route, pathParameters };
  }
  return undefined;
}

/**
 * API Gateway's JWT authorizer hands claims to the function as strings; an array claim such
 * as `cognito:groups` arrives as `[door organiser]`. The handlers must read what AWS sends.
 */
export function asAuthorizerClaims(payload: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, Array.isArray(value) ? `[${value.join(' ')}]` : String(value)]));
}

/** API Gateway hands binary-looking bodies (everything but JSON and text) to Lambda in base64. */
const isTextual = (contentType: string | undefined) => !!contentType && /^(application\/(json|problem\+json)|text\/)/i.test(contentType);

function toEvent(request: http.IncomingMessage, body: Buffer, route: Route, pathParameters: Record<string, string>, claims?: Record<string, unknown>): APIGatewayProxyEventV2 {
  const url = new URL(request.url ?? '/', 'http://local');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'cookie') headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const routeKey = `${route.spec.trigger.method} ${route.spec.trigger.path}`;
  const now = new Date();
  const base64 = body.length > 0 && !isTextual(headers['content-type']);
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: request.headers.cookie?.split(';').map((cookie) => cookie.trim()),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: Object.keys(pathParameters).length > 0 ? pathParameters : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: { method: request.method ?? 'GET', path: url.pathname, protocol: `HTTP/${request.httpVersion}`, sourceIp: request.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    } as APIGatewayProxyEventV2['requestContext'],
    body: body.length > 0 ? body.toString(base64 ? 'base64' : 'utf8') : undefined,
    isBase64Encoded: base64,
  };
}

function send(response: http.ServerResponse, result: APIGatewayProxyStructuredResultV2, cors: Record<string, string>) {
  const headers: Record<string, string | string[]> = { ...cors, ...(result.headers as Record<string, string> | undefined) };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(body);
}

/** Like API Gateway: a handler result without a statusCode is a 200 with that value as JSON. */
function normalise(result: unknown): APIGatewayProxyStructuredResultV2 {
  if (result && typeof result === 'object' && 'statusCode' in result) return result as APIGatewayProxyStructuredResultV2;
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: typeof result === 'string' ? result : JSON.stringify(result) };
}

const plainJson = (statusCode: number, message: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message }),
});

/** The whole request body, or undefined once it grows past `maxBytes`. */
export async function readBody(request: http.IncomingMessage, maxBytes = MAX_PAYLOAD_BYTES): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A local API Gateway (HTTP API, payload 2.0): routes from the catalogue, the JWT authorizer
 * on organiser routes, CORS for configured origins, and the real handlers behind it.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const routes = compileRoutes();
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const clientLimiter = options.clientWriteLimit && new ClientLimiter(options.clientWriteLimit);

  const server = http.createServer(async (request, response) => {
    const origin = request.headers.origin;
    const cors: Record<string, string> =
      origin && allowedOrigins.has(origin)
        ? { 'access-control-allow-origin': origin, vary: 'origin', 'access-control-allow-headers': 'authorization,content-type,accept,accept-language', 'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE' }
        : {};
    try {
      const method = request.method ?? 'GET';
      const path = new URL(request.url ?? '/', 'http://local').pathname;
      if (method === 'OPTIONS') return send(response, { statusCode: 204 }, cors);
      if (options.extraRoutes && (await options.extraRoutes(request, response))) return;
      const matched = matchRoute(routes, method, path);
      if (!matched) return send(response, plainJson(404, 'Not Found'), cors);
      // A path whose escapes cannot be decoded never reaches a function.
      if (matched === 'malformed') return send(response, plainJson(400, 'Bad Request'), cors);
      if (clientLimiter && isPublicWrite(matched.route.spec.trigger)) {
        // The socket's own peer, as WAF counts the address CloudFront saw: never a header a client can write.
        const admission = clientLimiter.admit(request.socket.remoteAddress ?? 'unknown');
        if (!admission.admitted) return send(response, clientLimitResponse(admission.retryAfterSeconds), cors);
      }

      let claims: Record<string, unknown> | undefined;
      if (matched.route.spec.trigger.auth === 'organiser') {
        const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
        const verified = token ? await options.verifyToken(token).catch(() => undefined) : undefined;
        if (!verified) return send(response, plainJson(401, 'Unauthorized'), cors);
        claims = asAuthorizerClaims(verified);
      }
      const body = await readBody(request);
      if (!body) return send(response, plainJson(413, 'Request Entity Too Large'), cors);

      const handler = await options.loadHandler(matched.route.spec);
      const event = toEvent(request, body, matched.route, matched.pathParameters, claims);
      send(response, normalise(await handler(event, lambdaContext(matched.route.spec))), cors);
    } catch (error) {
      // API Gateway answers a crashed integration with a bare 500; so do we, and log why.
      console.error('Local gateway: handler failed', error);
      if (!response.headersSent) send(response, plainJson(500, 'Internal Server Error'), cors);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  server.keepAliveTimeout = 5000;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
