import { beforeAll, describe, expect, it } from 'vitest';
import { contract as createEvent } from '../../functions/create-event/schema';
import { contract as register } from '../../functions/register/schema';
import { openApiDocument } from '../../shared/http/openapi';
import { responder } from '../../shared/schemas/contract';
import { ApiContract, type ObservedAnswer } from '../support/api-contract';

let contract: ApiContract;
beforeAll(async () => {
  contract = await ApiContract.load(JSON.parse(JSON.stringify(openApiDocument())));
});

const answer = (method: string, path: string, status: number, body: unknown, headers: Record<string, string> = {}): ObservedAnswer => ({
  method,
  path,
  status,
  headers: new Headers({ ...(body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8' }), ...headers }),
  text: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
});

const verified = { valid: true, certificateNumber: 'ABCDE-12345', holderName: 'Zoë Ça Ğ', eventTitle: 'Masterclass', eventDate: '2026-12-07', issuedAt: '2026-12-08T10:00:00.000Z' };
const notFound = { type: 'urn:event-registration:problem:not-found', title: 'Not found', status: 404, detail: 'This event does not exist.', instance: '/events/x' };

describe('the integration tests’ check of answers against /openapi.json', () => {
  it('accepts what the document declares: JSON, a page, a problem, a redirect', () => {
    expect(contract.mismatches(answer('GET', '/certificates/ABCDE-12345', 200, verified))).toEqual([]);
    expect(contract.mismatches(answer('GET', '/certificates/ABCDE-12345', 200, '<!doctype html><p>echt</p>'))).toEqual([]);
    expect(contract.mismatches(answer('GET', '/events/x?lang=en', 404, notFound, { 'content-type': 'application/problem+json; charset=utf-8' }))).toEqual([]);
    expect(contract.mismatches(answer('POST', '/events/x/registrations', 303, undefined, { location: 'http://x/events/x/register?lang=en&status=confirmed' }))).toEqual([]);
  });

  it('rejects a status the operation does not declare', () => {
    expect(contract.mismatches(answer('GET', '/openapi.json', 404, notFound))).toEqual([expect.stringContaining('openapi does not declare status 404')]);
  });

  it('rejects a media type the status does not declare', () => {
    expect(contract.mismatches(answer('GET', '/events/x', 200, '<p>event</p>'))).toEqual([expect.stringContaining('get-public-event 200 declares application/json, not text/html')]);
    expect(contract.mismatches(answer('GET', '/events/x', 404, notFound))).toEqual([expect.stringContaining('declares application/problem+json, text/html, not application/json')]);
  });

  it('rejects a field the schema does not declare, and a wrong type', () => {
    expect(contract.mismatches(answer('GET', '/certificates/ABCDE-12345', 200, { ...verified, email: 'zoe@example.org' }))).toEqual([
      'verify-certificate 200 application/json: body must NOT have additional properties: email',
    ]);
    expect(contract.mismatches(answer('GET', '/certificates/ABCDE-12345', 200, { ...verified, eventDate: '7 December' }))).toEqual(
      expect.arrayContaining([expect.stringContaining('body/eventDate must match format "date"')]),
    );
  });

  it('rejects a problem of a type the route does not answer with that status', () => {
    const problem = { type: 'urn:event-registration:problem:event-full', title: 'Event is full', status: 409, detail: 'Full.' };

    expect(contract.mismatches(answer('POST', '/admin/events/x/check-in', 409, problem, { 'content-type': 'application/problem+json' }))).toEqual([
      expect.stringContaining('body/type must be equal to one of the allowed values: ["urn:event-registration:problem:not-confirmed"]'),
    ]);
  });

  it('rejects an answer without a header the document marks required', () => {
    const busy = { type: 'urn:event-registration:problem:temporarily-unavailable', title: 'Busy right now', status: 503, detail: 'Try again.' };

    expect(contract.mismatches(answer('GET', '/events/x', 503, busy, { 'content-type': 'application/problem+json' }))).toEqual(['get-public-event 503 must carry the Retry-After header']);
    expect(contract.mismatches(answer('POST', '/registrations/x/cancel', 303, undefined))).toEqual(['cancel-registration 303 must carry the Location header']);
  });

  it('rejects a body where the document declares none', () => {
    expect(contract.mismatches(answer('POST', '/events/x/registrations', 303, 'moved', { location: '/x' }))).toEqual([expect.stringContaining('declares no body, but one came')]);
  });

  it("accepts only API Gateway's 404 for a request that matches no operation", () => {
    const gateway404 = answer('GET', '/nowhere', 404, { message: 'Not Found' });

    expect(contract.mismatches(gateway404)).toEqual([]);
    expect(contract.mismatches({ ...gateway404, method: 'PUT', path: '/admin/events' })).toEqual([]);
    expect(contract.mismatches(answer('GET', '/nowhere', 200, { message: 'hello' }))).toEqual([expect.stringContaining('matches no operation')]);
    expect(contract.mismatches(answer('GET', '/nowhere', 404, notFound))).toEqual(expect.arrayContaining(["body must have required property 'message'"]));
  });

  it("accepts the authorizer's 401 on an organiser route, and a problem 401 from the function", () => {
    expect(contract.mismatches(answer('GET', '/admin/events', 401, { message: 'Unauthorized' }))).toEqual([]);
    const unauthorized = { type: 'urn:event-registration:problem:unauthorized', title: 'Not signed in', status: 401, detail: 'A valid organiser token is required.', instance: '/admin/events' };
    expect(contract.mismatches(answer('GET', '/admin/events', 401, unauthorized, { 'content-type': 'application/problem+json; charset=utf-8' }))).toEqual([]);
    expect(contract.mismatches(answer('GET', '/events/x', 401, { message: 'Unauthorized' }))).toEqual([expect.stringContaining('does not declare status 401')]);
  });

  it('skips what is not the API: the local sign-in and the console', () => {
    for (const path of ['/oauth2/authorize?client_id=x', '/.well-known/jwks.json', '/console', '/console/assets/app.js']) {
      expect(contract.mismatches(answer('GET', path, 200, '<html></html>')), path).toEqual([]);
    }
  });

  it('routes like API Gateway: a literal segment wins over a parameter', () => {
    expect(contract.operationFor('GET', '/events/x/register')?.operation.operationId).toBe('registration-form');
    expect(contract.operationFor('POST', '/admin/events/x/check-in')?.operation.operationId).toBe('check-in-by-code');
    expect(contract.operationFor('GET', '/admin/events/x/registrations?x=1')?.operation.operationId).toBe('list-registrations');
  });
});

describe('responder', () => {
  it('answers JSON with the security headers, never cached: the contract only types the answer', () => {
    const reply = responder(register);
    const outcome = { registrationId: '01J', status: 'waitlisted' as const, waitlistPosition: 3 };

    expect(reply.json(201, outcome)).toEqual({
      statusCode: 201,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'strict-transport-security': 'max-age=63072000; includeSubDomains',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
      body: '{"registrationId":"01J","status":"waitlisted","waitlistPosition":3}',
    });
    expect(reply.seeOther('/events/x/register?status=confirmed')).toMatchObject({ statusCode: 303, headers: { location: '/events/x/register?status=confirmed' } });
  });

  it('lets the compiler refuse an answer the contract does not declare', () => {
    const reply = responder(createEvent);
    const event = {} as Parameters<typeof reply.json<201>>[1];
    // Each line below must fail to compile (tsc --noEmit runs over the tests); none is called.
    const undeclared = () => [
      // @ts-expect-error create-event answers 201, not 200
      reply.json(200, event, { location: '/admin/events/x' }),
      // @ts-expect-error a created event always carries its Location
      reply.json(201, event),
      // @ts-expect-error the capacity is a number
      reply.json(201, { ...event, capacity: 'many' }, { location: '/admin/events/x' }),
      // @ts-expect-error create-event declares no redirect
      reply.seeOther('/x'),
      // @ts-expect-error create-event declares no page
      reply.page(201, '<p>created</p>'),
    ];
    expect(typeof undeclared).toBe('function');
  });
});
