import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { httpFunctions } from '../../infra/catalogue';
import { openApiDocument } from '../../shared/http/openapi';

interface Response {
  description: string;
  content?: Record<string, { schema?: Record<string, unknown> }>;
  headers?: Record<string, { required?: boolean }>;
}
interface Operation {
  operationId: string;
  description: string;
  security: unknown[];
  parameters?: Array<{ name: string; in: string; required: boolean }>;
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, Response>;
}

const document = openApiDocument();
const operation = (route: string) => {
  const [method, path] = route.split(' ') as [string, string];
  return (document.paths[path] as Record<string, Operation> | undefined)?.[method.toLowerCase()] as Operation;
};
const allRoutes = httpFunctions().map((spec) => `${spec.trigger.method} ${spec.trigger.path}`);

/** Every status each route can answer: read these against the handlers and README's Errors. */
const STATUSES: Record<string, string> = {
  'POST /admin/events': '201 400 401 403 413 415 429 500 503',
  'GET /admin/events': '200 401 403 429 500 503',
  'GET /admin/events/{eventId}': '200 401 403 404 429 500 503',
  'DELETE /admin/events/{eventId}': '200 401 403 404 409 429 500 503',
  'PATCH /admin/events/{eventId}': '200 400 401 403 404 409 413 415 429 500 503',
  'GET /admin/events/{eventId}/registrations': '200 401 403 404 429 500 503',
  'GET /admin/events/{eventId}/door-list': '200 401 403 404 429 500 503',
  'GET /admin/events/{eventId}/needs-summary': '200 401 403 404 429 500 503',
  'GET /admin/events/{eventId}/reach': '200 401 403 404 429 500 503',
  'GET /admin/door-events': '200 401 403 429 500 503',
  'GET /events/{eventId}': '200 404 429 500 503',
  'POST /events/{eventId}/registrations': '201 202 303 400 404 409 413 415 429 500 503',
  'GET /events/{eventId}/register': '200 404 429 500 503',
  'GET /events/{eventId}/privacy': '200 404 429 500 503',
  'GET /openapi.json': '200 429 500',
  'POST /admin/events/{eventId}/registrations/{registrationId}/cancel': '200 401 403 404 429 500 503',
  'GET /admin/events/{eventId}/reminders': '200 401 403 404 429 500 503',
  'POST /admin/events/{eventId}/cancel': '200 401 403 404 429 500 503',
  'POST /admin/events/{eventId}/registrations/{registrationId}/check-in': '200 400 401 403 404 409 413 415 429 500 503',
  'DELETE /admin/events/{eventId}/registrations/{registrationId}/check-in': '200 401 403 404 429 500 503',
  'POST /admin/events/{eventId}/check-in': '200 400 401 403 404 409 413 415 429 500 503',
  'POST /admin/events/{eventId}/certificates': '202 400 401 403 404 409 413 415 429 500 503',
  'GET /admin/events/{eventId}/certificates': '200 401 403 404 429 500 503',
  'POST /admin/events/{eventId}/messages': '201 400 401 403 404 409 413 415 429 500 503',
  'GET /admin/events/{eventId}/messages': '200 401 403 404 429 500 503',
  'GET /certificates/{certificateNumber}': '200 404 429 500 503',
  'GET /registrations/{registrationId}/certificate': '200 404 429 500 503',
  'GET /admin/events/{eventId}/failed-mail': '200 401 403 404 429 500 503',
  'GET /registrations/{registrationId}': '200 404 429 500 503',
  'POST /registrations/{registrationId}/cancel': '200 303 400 404 413 415 429 500 503',
  'POST /registrations/{registrationId}/network': '200 303 400 404 413 415 429 500 503',
  'GET /registrations/{registrationId}/data': '200 404 429 500 503',
  'POST /registrations/{registrationId}/erase': '200 400 404 413 415 429 500 503',
  'DELETE /admin/events/{eventId}/registrations/{registrationId}': '200 401 403 404 429 500 503',
  'POST /registrations/{registrationId}/confirm': '200 303 400 404 409 413 415 429 500 503',
  'POST /admin/events/{eventId}/registrations/{registrationId}/confirm': '200 401 403 404 409 429 500 503',
  'PUT /admin/events/{eventId}/registrations/{registrationId}/email': '200 400 401 403 404 409 413 415 429 500 503',
};

/** What each success carries (media types in alphabetical order). */
const SUCCESSES: Record<string, string> = {
  'POST /admin/events': '201 application/json',
  'GET /admin/events': '200 application/json',
  'GET /admin/events/{eventId}': '200 application/json',
  'DELETE /admin/events/{eventId}': '200 application/json',
  'PATCH /admin/events/{eventId}': '200 application/json',
  'GET /admin/events/{eventId}/registrations': '200 application/json text/csv',
  'GET /admin/events/{eventId}/door-list': '200 application/json',
  'GET /admin/events/{eventId}/needs-summary': '200 application/json',
  'GET /admin/events/{eventId}/reach': '200 application/json text/csv',
  'GET /admin/door-events': '200 application/json',
  'GET /events/{eventId}': '200 application/json',
  'POST /events/{eventId}/registrations': '201 application/json 202 application/json',
  'GET /events/{eventId}/register': '200 text/html',
  'GET /events/{eventId}/privacy': '200 text/html',
  'GET /openapi.json': '200 application/json',
  'POST /admin/events/{eventId}/registrations/{registrationId}/cancel': '200 application/json',
  'GET /admin/events/{eventId}/reminders': '200 application/json',
  'POST /admin/events/{eventId}/cancel': '200 application/json',
  'POST /admin/events/{eventId}/registrations/{registrationId}/check-in': '200 application/json',
  'DELETE /admin/events/{eventId}/registrations/{registrationId}/check-in': '200 application/json',
  'POST /admin/events/{eventId}/check-in': '200 application/json',
  'POST /admin/events/{eventId}/certificates': '202 application/json',
  'GET /admin/events/{eventId}/certificates': '200 application/json',
  'POST /admin/events/{eventId}/messages': '201 application/json',
  'GET /admin/events/{eventId}/messages': '200 application/json',
  'GET /certificates/{certificateNumber}': '200 application/json text/html',
  'GET /registrations/{registrationId}/certificate': '200 application/pdf',
  'GET /admin/events/{eventId}/failed-mail': '200 application/json',
  'GET /registrations/{registrationId}': '200 application/json text/html',
  'POST /registrations/{registrationId}/cancel': '200 application/json',
  'POST /registrations/{registrationId}/network': '200 application/json',
  'GET /registrations/{registrationId}/data': '200 application/json',
  'POST /registrations/{registrationId}/erase': '200 application/json text/html',
  'DELETE /admin/events/{eventId}/registrations/{registrationId}': '200 application/json',
  'POST /registrations/{registrationId}/confirm': '200 application/json',
  'POST /admin/events/{eventId}/registrations/{registrationId}/confirm': '200 application/json',
  'PUT /admin/events/{eventId}/registrations/{registrationId}/email': '200 application/json',
};

const DOOR_ROUTES = [
  'GET /admin/door-events',
  'GET /admin/events/{eventId}/door-list',
  'POST /admin/events/{eventId}/check-in',
  'POST /admin/events/{eventId}/registrations/{registrationId}/check-in',
  'DELETE /admin/events/{eventId}/registrations/{registrationId}/check-in',
];

const PROBLEM_TYPES: Record<string, string[]> = {
  400: ['validation-failed', 'malformed-body'],
  401: ['unauthorized'],
  403: ['forbidden'],
  404: ['not-found'],
  413: ['payload-too-large'],
  415: ['unsupported-media-type'],
  500: ['internal'],
  503: ['temporarily-unavailable'],
};

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(structuredClone(document) as unknown as Record<string, unknown>);

    expect(result.errors).toBeUndefined();
    expect([result.valid, document.openapi]).toEqual([true, '3.1.0']);
  });

  it('has one operation for every catalogue route, and no other', () => {
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));

    expect(documented.sort()).toEqual([...allRoutes].sort());
    expect(Object.keys(STATUSES).sort()).toEqual([...allRoutes].sort());
  });

  it.each(allRoutes)('%s declares exactly the statuses it can answer', (route) => {
    expect(Object.keys(operation(route).responses).join(' ')).toBe(STATUSES[route]);
  });

  it.each(allRoutes)('%s declares its success with a schema per media type', (route) => {
    const successes = Object.entries(operation(route).responses).filter(([status]) => status.startsWith('2'));

    expect(successes.map(([status, response]) => [status, ...Object.keys(response.content ?? {}).sort()].join(' ')).join(' ')).toBe(SUCCESSES[route]);
    for (const [, response] of successes) for (const media of Object.values(response.content!)) expect(media.schema, route).toEqual(expect.any(Object));
  });

  it.each(allRoutes)('%s declares every problem it can answer as problem+json with the shared Problem schema, narrowed to its status and types', (route) => {
    for (const [status, response] of Object.entries(operation(route).responses)) {
      if (Number(status) < 400 || status === '429') continue;
      const schema = response.content?.['application/problem+json']?.schema as { allOf: [unknown, { properties: { type: { enum: string[] }; status: { const: number } } }] };
      expect(schema.allOf[0], `${route} ${status}`).toEqual({ $ref: '#/components/schemas/Problem' });
      expect(schema.allOf[1].properties.status.const).toBe(Number(status));
      if (status !== '409') expect(schema.allOf[1].properties.type.enum).toEqual(PROBLEM_TYPES[status]!.map((slug) => `urn:event-registration:problem:${slug}`));
    }
  });

  it('names the conflicts each route can have', () => {
    const conflicts = (route: string) => (operation(route).responses['409']!.content!['application/problem+json']!.schema as { allOf: [unknown, { properties: { type: { enum: string[] } } }] }).allOf[1].properties.type.enum;

    expect(conflicts('POST /events/{eventId}/registrations')).toEqual([
      'urn:event-registration:problem:already-registered',
      'urn:event-registration:problem:registration-closed',
      'urn:event-registration:problem:event-full',
    ]);
    expect(conflicts('PATCH /admin/events/{eventId}')).toEqual([
      'urn:event-registration:problem:event-cancelled',
      'urn:event-registration:problem:capacity-below-confirmed',
      'urn:event-registration:problem:event-changed',
      'urn:event-registration:problem:question-answered',
    ]);
    expect(conflicts('POST /admin/events/{eventId}/certificates')).toEqual(['urn:event-registration:problem:event-not-ended', 'urn:event-registration:problem:certificates-disabled']);
    expect(conflicts('POST /admin/events/{eventId}/check-in')).toEqual(['urn:event-registration:problem:not-confirmed']);
  });

  it("declares API Gateway's own answers: the authorizer's 401, throttling's 429, a crash's 500", () => {
    const gateway = { schema: { $ref: '#/components/schemas/GatewayMessage' } };

    expect(operation('GET /admin/events').responses['401']!.content!['application/json']).toEqual(gateway);
    expect(operation('GET /events/{eventId}').responses['429']!.content).toEqual({ 'application/json': gateway });
    expect(operation('GET /events/{eventId}').responses['500']!.content!['application/json']).toEqual(gateway);
    expect(document.components.schemas.GatewayMessage).toEqual({
      type: 'object',
      description: expect.any(String),
      properties: { message: { type: 'string' } },
      required: ['message'],
      additionalProperties: false,
    });
  });

  it('says how each throttled route is throttled, as the catalogue does', () => {
    expect(operation('POST /events/{eventId}/registrations').responses['429']!.description).toBe(
      'API Gateway throttles this route at 400 requests per second (bursts of 800). Each client address may also make at most 300 public writes per 5 minutes; over that it gets the `too-many-requests` problem with `Retry-After` (deployed: as `application/json`, which is all AWS WAF can send).',
    );
    expect(operation('GET /events/{eventId}').responses['429']!.description).toBe('API Gateway throttles this route at 200 requests per second (bursts of 400).');
  });

  it('describes the per-client limit on public writes only: the problem, and Retry-After', () => {
    const limited = operation('POST /registrations/{registrationId}/cancel').responses['429']!;
    const organiserRoute = operation('POST /admin/events').responses['429']!;

    expect(Object.keys(limited.content!).sort()).toEqual(['application/json', 'application/problem+json']);
    expect(limited.headers?.['Retry-After']?.required).toBe(false);
    expect(Object.keys(organiserRoute.content!)).toEqual(['application/json']);
    expect(organiserRoute.headers).toBeUndefined();
  });

  it('declares Retry-After on every 503, Location on every redirect and on a created event', () => {
    for (const route of allRoutes) {
      const { responses } = operation(route);
      if (responses['503']) expect(responses['503'].headers?.['Retry-After']?.required, route).toBe(true);
      if (responses['303']) expect(responses['303'].headers?.Location?.required, route).toBe(true);
    }
    expect(operation('POST /admin/events').responses['201']!.headers?.Location?.required).toBe(true);
    expect(operation('GET /registrations/{registrationId}/certificate').responses['200']!.headers?.['Content-Disposition']?.required).toBe(true);
  });

  it('shows the hosted form its page again on a mistake (400) and a conflict (409), beside the problem for JSON clients', () => {
    const { responses } = operation('POST /events/{eventId}/registrations');

    expect(Object.keys(responses['400']!.content!).sort()).toEqual(['application/problem+json', 'text/html']);
    expect(Object.keys(responses['409']!.content!).sort()).toEqual(['application/problem+json', 'text/html']);
    expect(Object.keys(responses['404']!.content!)).toEqual(['application/problem+json']);
  });

  it('derives request bodies from the zod schemas: JSON, the hosted form, and the optional certificates request', () => {
    const register = operation('POST /events/{eventId}/registrations').requestBody!;
    const certificates = operation('POST /admin/events/{eventId}/certificates').requestBody!;

    expect(register.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Registration' });
    expect(register.content['application/x-www-form-urlencoded']!.schema).toEqual({ $ref: '#/components/schemas/RegistrationForm' });
    expect(document.components.schemas.Registration).toMatchObject({ additionalProperties: false, required: expect.arrayContaining(['name', 'email', 'consent']) });
    expect(certificates.required).toBe(false);
    expect(certificates.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/RequestCertificates' });
    expect(Object.keys((document.components.schemas.RequestCertificates as { properties: object }).properties)).toEqual(['include', 'resend', 'registrationIds']);
    expect(Object.keys(operation('POST /registrations/{registrationId}/cancel').requestBody!.content)).toEqual(['application/json', 'application/x-www-form-urlencoded']);
  });

  it('declares path and query parameters', () => {
    const parameters = (route: string) => operation(route).parameters!.map((parameter) => `${parameter.in}:${parameter.name}${parameter.required ? '' : '?'}`);

    expect(parameters('GET /registrations/{registrationId}')).toEqual(['path:registrationId', 'query:token', 'query:lang?', 'query:release?', 'query:erase?']);
    expect(parameters('GET /registrations/{registrationId}/data')).toEqual(['path:registrationId', 'query:token']);
    expect(parameters('GET /registrations/{registrationId}/certificate')).toEqual(['path:registrationId', 'query:token']);
    expect(parameters('GET /events/{eventId}/register')).toEqual(['path:eventId', 'query:lang?', 'query:status?', 'query:position?', 'header:Accept-Language?']);
    expect(parameters('POST /admin/events/{eventId}/registrations/{registrationId}/cancel')).toEqual(['path:eventId', 'path:registrationId']);
  });

  it('asks the Cognito ID token on organiser routes and nothing on public ones, and says which a door account may use', () => {
    for (const spec of httpFunctions()) {
      const route = `${spec.trigger.method} ${spec.trigger.path}`;
      const { security, description } = operation(route);
      expect(security, route).toEqual(spec.trigger.auth === 'organiser' ? [{ organiserJwt: [] }] : []);
      if (spec.trigger.auth === 'organiser') expect(description.endsWith(DOOR_ROUTES.includes(route) ? 'organiser and door accounts.' : 'organiser accounts only; door accounts get 403.'), route).toBe(true);
    }
    expect(document.components.securitySchemes.organiserJwt).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });
});
