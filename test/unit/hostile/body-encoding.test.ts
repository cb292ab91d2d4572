import { describe, expect, it } from 'vitest';
import { MalformedBody } from '../../../shared/http/request-errors';
import { parseBody } from '../../../shared/http/handler';
import { sampleEvent } from '../../support/http-events';

/** Broken encodings the hostile-input run sends: refused as malformed, never stored as U+FFFD. */
const options = { accept: ['json', 'form'] as const, maxBytes: 1000 };
const form = (bytes: Buffer) =>
  sampleEvent('register.json', { body: bytes.toString('base64'), isBase64Encoded: true, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const json = (bytes: Buffer) => sampleEvent('register.json', { body: bytes.toString('base64'), isBase64Encoded: true, headers: { 'content-type': 'application/json' } });

describe('bodies that are not what they claim', () => {
  it.each(['name=Ann%', 'name=Ann%G1', 'name=Ann%E2%82', 'name=Ann%FF', 'name=Ann%C0%AF', 'name=Ann%ED%A0%80', 'na%me=x'])('refuses the form %s', (text) => {
    expect(() => parseBody(form(Buffer.from(text)), options)).toThrow(new MalformedBody('The form is not valid application/x-www-form-urlencoded UTF-8.'));
  });

  it('refuses raw bytes that are not UTF-8, in a form or in JSON', () => {
    expect(() => parseBody(form(Buffer.concat([Buffer.from('name=Ann'), Buffer.from([0xff])])), options)).toThrow(new MalformedBody('The request body is not valid UTF-8.'));
    expect(() => parseBody(json(Buffer.concat([Buffer.from('{"name":"Ann'), Buffer.from([0xc3]), Buffer.from('"}')])), options)).toThrow(new MalformedBody('The request body is not valid UTF-8.'));
  });

  it('reads a good form as before: plus as space, the last of a repeated field, no empty pairs', () => {
    expect(parseBody(form(Buffer.from('name=Zo%C3%AB+%C3%87a&&consent=off&consent=on&flag')), options).body).toEqual({ name: 'Zoë Ça', consent: 'on', flag: '' });
  });

  it('keeps a field called __proto__ as a field, not as the object’s prototype', () => {
    const body = parseBody(form(Buffer.from('__proto__=x&name=Ann')), options).body as Record<string, string>;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.keys(body)).toEqual(['__proto__', 'name']);
  });
});
