import { describe, expect, it } from 'vitest';
import { NotFound } from '../../../shared/domain/errors';
import { MalformedBody, PayloadTooLarge, UnsupportedMediaType } from '../../../shared/http/request-errors';
import { httpHandler, parseBody } from '../../../shared/http/handler';
import { problemFor } from '../../../shared/http/problem';
import { context, sampleEvent } from '../../support/http-events';

const options = { accept: ['json', 'form'] as const, maxBytes: 100 };

describe('parseBody', () => {
  it('reads JSON and base64-encoded forms, as API Gateway delivers them', () => {
    const json = sampleEvent('register.json', { body: '{"a":1}', headers: { 'content-type': 'application/json; charset=utf-8' } });
    const form = sampleEvent('register.json', {
      body: Buffer.from('name=Zo%C3%AB&consent=on').toString('base64'),
      isBase64Encoded: true,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });

    expect(parseBody(json, options)).toEqual({ body: { a: 1 }, format: 'json' });
    expect(parseBody(form, options)).toEqual({ body: { name: 'Zoë', consent: 'on' }, format: 'form' });
  });

  it('rejects other media types, oversized and malformed bodies', () => {
    const xml = sampleEvent('register.json', { body: '<a/>', headers: { 'content-type': 'application/xml' } });
    const big = sampleEvent('register.json', { body: 'x'.repeat(101), headers: { 'content-type': 'application/json' } });
    const broken = sampleEvent('register.json', { body: '{"a":', headers: { 'content-type': 'application/json' } });

    expect(() => parseBody(xml, options)).toThrow(UnsupportedMediaType);
    expect(() => parseBody(big, options)).toThrow(PayloadTooLarge);
    expect(() => parseBody(broken, options)).toThrow(MalformedBody);
  });
});

describe('problem details', () => {
  it('passes domain errors through with a stable type', () => {
    expect(problemFor(new NotFound('This event'), '/events/x')).toEqual({
      type: 'urn:event-registration:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: 'This event does not exist.',
      instance: '/events/x',
    });
  });

  it('hides everything about an unexpected error', () => {
    const problem = problemFor(new Error('connect ECONNREFUSED 10.0.0.1:8000 table secret-table'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|secret-table|at /);
  });

  it('answers throttling and timeouts with a 503 that says nothing was saved', () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const timedOut = Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    expect(problemFor(throttled).status).toBe(503);
    expect(problemFor(timedOut)).toMatchObject({ status: 503, type: 'urn:event-registration:problem:temporarily-unavailable' });
  });

  it('turns a failing handler into application/problem+json', async () => {
    const handler = httpHandler(async () => {
      throw new NotFound('This event');
    });
    const response = await handler(sampleEvent('get-public-event.json'), context);

    expect(response.statusCode).toBe(404);
    expect(response.headers?.['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(JSON.parse(response.body ?? '')).toMatchObject({ type: 'urn:event-registration:problem:not-found' });
  });
});
