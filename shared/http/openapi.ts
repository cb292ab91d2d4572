import { httpFunctions, type FunctionSpec, type HttpTrigger } from '../../infra/catalogue';
import { CLIENT_LIMIT_PROBLEM, CLIENT_WRITE_LIMIT, isPublicWrite } from '../../infra/client-limit';
import type { Operation, ResponseSpec } from '../schemas/contract';
import { gatewayMessage, htmlPage, problem } from '../schemas/responses';
import * as z from '../schemas/zod';
import { PROBLEM_TYPE_BASE, RETRY_AFTER_SECONDS } from './problem';

/**
 * `/openapi.json`, generated: method, path, auth and throttle from the catalogue; bodies,
 * parameters, roles and answers from each function's contract (functions/<name>/schema.ts), whose
 * zod schemas the handlers answer through. The problem answers follow from the same facts:
 *
 * | status | when                                                 | problem types                         |
 * | ------ | ---------------------------------------------------- | ------------------------------------- |
 * | 400    | the route reads a body                               | validation-failed, malformed-body     |
 * | 401    | organiser routes (also API Gateway's authorizer)     | unauthorized                          |
 * | 403    | organiser routes: a role the route does not allow    | forbidden                             |
 * | 404    | the path names something (an event, a registration)  | not-found (a page for a browser's GET) |
 * | 409    | what the contract's `conflicts` name                 | those                                 |
 * | 413    | the route reads a body (also API Gateway's 10 MB)    | payload-too-large                     |
 * | 415    | the route reads a body                               | unsupported-media-type                |
 * | 429    | every route: the stage throttles every route         | (API Gateway's message)               |
 * |        | public writes: also the per-client limit             | too-many-requests (+ Retry-After)     |
 * | 500    | every route                                          | internal (or API Gateway's message)   |
 * | 503    | routes that use the table                            | temporarily-unavailable + Retry-After |
 *
 * The problem types are those of shared/domain/errors.ts; the integration tests fail on any
 * answer whose type is not listed for its status.
 */

type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

const PROBLEM_JSON = 'application/problem+json';
const MEDIA_TYPES = { json: 'application/json', form: 'application/x-www-form-urlencoded' } as const;
const API_GATEWAY_BODY_LIMIT = '10 MB';
const size = (bytes: number) => (bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`);

const PATH_PARAMETERS: Record<string, string> = {
  eventId: "The event's id.",
  registrationId: "The registration's id.",
  certificateNumber: "The certificate's number, `XXXXX-XXXXX` (any case).",
};

/** Converts zod schemas to JSON Schema 2020-12 (OpenAPI 3.1's dialect); schemas with an id become components. */
class Schemas {
  readonly components: Record<string, JsonSchema> = {};

  of(schema: z.core.$ZodType, io: Io): JsonSchema {
    const { $schema: _dialect, $defs, ...rest } = JSON.parse(
      JSON.stringify(z.toJSONSchema(schema, { target: 'draft-2020-12', io })).replaceAll('"#/$defs/', '"#/components/schemas/'),
    ) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    for (const [name, definition] of Object.entries($defs ?? {})) {
      const known = this.components[name];
      if (known && JSON.stringify(known) !== JSON.stringify(definition)) throw new Error(`Two different schemas are named ${name}: give the request and the response schema their own ids`);
      this.components[name] = definition;
    }
    return rest;
  }

  ref(schema: z.core.$ZodType): JsonSchema {
    return this.of(schema, 'output');
  }

  /** Each property of an object schema as a parameter. */
  parameters(schema: z.core.$ZodType | undefined, location: 'query' | 'header') {
    if (!schema) return [];
    const { properties = {}, required = [] } = this.of(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(properties).map(([name, { description, ...property }]) => ({
      name,
      in: location,
      required: required.includes(name),
      ...(description ? { description } : {}),
      schema: property,
    }));
  }
}

interface ProblemAnswer {
  description: string;
  types: readonly string[];
  /** API Gateway answers this status too, with its own `{ "message" }` body. */
  gateway?: boolean;
}

/** The problem answers a route can give, from what the catalogue and its contract say. */
function problemsOf(trigger: HttpTrigger, spec: FunctionSpec): Map<number, ProblemAnswer> {
  const { contract } = trigger;
  const problems = new Map<number, ProblemAnswer>();
  if (contract.body) {
    const accepted = contract.body.accept.map((format) => `\`${MEDIA_TYPES[format]}\``).join(' or ');
    problems.set(400, { description: 'The body is not valid: per-field `errors` for invalid or unknown fields (`validation-failed`), or unreadable (`malformed-body`).', types: ['validation-failed', 'malformed-body'] });
    problems.set(413, { description: `The body is larger than ${size(contract.body.maxBytes)} (or than API Gateway's ${API_GATEWAY_BODY_LIMIT}).`, types: ['payload-too-large'], gateway: true });
    problems.set(415, { description: `The body is not ${accepted}.`, types: ['unsupported-media-type'] });
  }
  if (trigger.auth === 'organiser') {
    problems.set(401, {
      description: 'No valid ID token: API Gateway\'s JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem.',
      types: ['unauthorized'],
      gateway: true,
    });
    problems.set(403, { description: `The account's role may not use this route (${accessOf(contract)}).`, types: ['forbidden'] });
  }
  if (trigger.path.includes('{')) {
    problems.set(404, { description: 'It does not exist; an event of another organisation, or a wrong or missing token, is answered the same.', types: ['not-found'] });
  }
  if (contract.conflicts?.length) {
    problems.set(409, { description: `A conflict with the current state: ${contract.conflicts.map((type) => `\`${type}\``).join(', ')}.`, types: contract.conflicts });
  }
  problems.set(500, { description: 'Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright.', types: ['internal'], gateway: true });
  if (spec.table) {
    problems.set(503, { description: 'DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing).', types: ['temporarily-unavailable'] });
  }
  return problems;
}

const accessOf = (contract: Operation) => (contract.roles?.includes('door') ? 'organiser and door accounts' : 'organiser accounts only; door accounts get 403');

function throttleOf(trigger: HttpTrigger): string {
  const route = trigger.throttle
    ? `API Gateway throttles this route at ${trigger.throttle.rate} requests per second (bursts of ${trigger.throttle.burst}).`
    : "API Gateway throttles this route at the stage's default rate.";
  if (!isPublicWrite(trigger)) return route;
  return `${route} Each client address may also make at most ${CLIENT_WRITE_LIMIT.requests} public writes per ${CLIENT_WRITE_LIMIT.windowSeconds / 60} minutes; over that it gets the \`${CLIENT_LIMIT_PROBLEM.type.split(':').at(-1)}\` problem with \`Retry-After\` (deployed: as \`application/json\`, which is all AWS WAF can send).`;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The Problem schema narrowed to this status and its possible types, so a client (and the tests) can rely on both. */
const problemContent = (status: number, types: readonly string[]) => ({
  [PROBLEM_JSON]: {
    schema: {
      allOf: [
        ref('Problem'),
        {
          type: 'object',
          required: ['type', 'status'],
          properties: { type: { type: 'string', enum: types.map((type) => `${PROBLEM_TYPE_BASE}${type}`) }, status: { type: 'integer', const: status } },
        },
      ],
    },
  },
});

function responsesOf(trigger: HttpTrigger, spec: FunctionSpec, schemas: Schemas) {
  const responses: Record<string, JsonSchema> = {};
  const declared: Array<[number, ResponseSpec]> = Object.entries(trigger.contract.responses).map(([status, response]) => [Number(status), response]);
  const problems = problemsOf(trigger, spec);
  const statuses = [...new Set([...declared.map(([status]) => status), ...problems.keys(), 429])].sort((a, b) => a - b);
  for (const status of statuses) {
    const response = declared.find(([candidate]) => candidate === status)?.[1];
    const answer = problems.get(status);
    const limitedPerClient = status === 429 && isPublicWrite(trigger);
    const content = {
      ...Object.fromEntries(Object.entries(response?.content ?? {}).map(([mediaType, schema]) => [mediaType, { schema: schemas.ref(schema) }])),
      ...(answer ? problemContent(status, answer.types) : {}),
      ...(limitedPerClient ? problemContent(429, ['too-many-requests']) : {}),
      // A browser that follows a dead link gets a page saying what to do (see problemDetails in handler.ts).
      ...(status === 404 && trigger.method === 'GET' ? { 'text/html': { schema: schemas.ref(htmlPage) } } : {}),
      ...(answer?.gateway || status === 429 ? { [MEDIA_TYPES.json]: { schema: limitedPerClient ? { oneOf: [ref('GatewayMessage'), ref('Problem')] } : ref('GatewayMessage') } } : {}),
    };
    const headers = {
      ...Object.fromEntries(Object.entries(response?.headers ?? {}).map(([name, header]) => [name, { description: header.description, required: header.required ?? false, schema: { type: 'string' } }])),
      ...(limitedPerClient ? { 'Retry-After': { description: 'With the per-client limit: seconds until this address may write again (API Gateway\'s own throttling sends none).', required: false, schema: { type: 'integer', minimum: 0 } } } : {}),
      ...(status === 503 ? { 'Retry-After': { description: `Seconds to wait before trying again (${RETRY_AFTER_SECONDS}).`, required: true, schema: { type: 'integer', minimum: 0 } } } : {}),
    };
    const description = [response?.description, answer?.description, status === 429 ? throttleOf(trigger) : undefined].filter(Boolean).join(' ');
    responses[String(status)] = {
      description,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(Object.keys(content).length > 0 ? { content } : {}),
    };
  }
  return responses;
}

function requestBodyOf(contract: Operation, schemas: Schemas) {
  const { body } = contract;
  if (!body) return undefined;
  const json = schemas.of(body.schema, 'input');
  return {
    required: !body.optional,
    description: `At most ${size(body.maxBytes)}.${body.optional ? ' May be empty: every field has a default.' : ''}`,
    content: Object.fromEntries(
      body.accept.map((format) => [MEDIA_TYPES[format], { schema: format === 'form' && body.formSchema ? schemas.of(body.formSchema, 'input') : json }]),
    ),
  };
}

function operationOf(spec: FunctionSpec & { trigger: HttpTrigger }, schemas: Schemas) {
  const { trigger } = spec;
  const pathParameters = [...trigger.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name: name!,
    in: 'path',
    required: true,
    ...(PATH_PARAMETERS[name!] ? { description: PATH_PARAMETERS[name!] } : {}),
    schema: { type: 'string' },
  }));
  const parameters = [...pathParameters, ...schemas.parameters(trigger.contract.query, 'query'), ...schemas.parameters(trigger.contract.headers, 'header')];
  const requestBody = requestBodyOf(trigger.contract, schemas);
  const access = trigger.auth === 'organiser' ? `Signed in: ${accessOf(trigger.contract)}.` : 'Public.';
  return {
    operationId: spec.name,
    summary: trigger.summary,
    description: `${spec.description}. ${access}`,
    tags: [trigger.auth === 'organiser' ? 'organiser' : 'public'],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    security: trigger.auth === 'organiser' ? [{ organiserJwt: [] }] : [],
    responses: responsesOf(trigger, spec, schemas),
  };
}

export function openApiDocument() {
  const schemas = new Schemas();
  schemas.ref(problem);
  schemas.ref(gatewayMessage);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of httpFunctions()) {
    paths[spec.trigger.path] ??= {};
    paths[spec.trigger.path]![spec.trigger.method.toLowerCase()] = operationOf(spec, schemas);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Event registration API',
      version: '1.0.0',
      description:
        'Registration with capacity and waitlist, for masterclasses and workshops. Errors are `application/problem+json` (RFC 9457) with a stable `type`; ' +
        'answers that API Gateway gives before a function runs (an unknown route: 404, a missing or invalid token: 401, throttling: 429) carry its own `{"message"}` body.',
    },
    tags: [
      { name: 'organiser', description: "Routes behind the JWT authorizer, for an organisation's accounts. Door accounts may use only the door's event list, the door list and the three check-in routes." },
      { name: 'public', description: 'Routes for participants and anyone else: no token.' },
    ],
    paths,
    components: {
      schemas: schemas.components,
      securitySchemes: {
        organiserJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "The Cognito ID token from the console's sign-in (authorization code + PKCE). Its `custom:organisationId` claim names the organisation; its `cognito:groups` claim the role: `organiser` (everything) or `door` (the door's event list, the door list, and checking in and out).",
        },
      },
    },
  };
}
