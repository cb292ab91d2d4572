import { describe, expect, it } from 'vitest';
import { problemResponse } from '../../../shared/http/problem';
import { binary, json, page, seeOther, text } from '../../../shared/http/responses';

const HARDENED = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

describe('every answer', () => {
  it('keeps browsers on HTTPS, to the type sent, and without a referrer: pages, JSON, files, redirects and problems alike', () => {
    const answers = [
      json(200, {}),
      page(200, '<p>hoi</p>'),
      seeOther('https://events.example.org/registrations/r?token=t'),
      text(200, 'text/csv; charset=utf-8', 'a,b'),
      binary(200, 'application/pdf', new Uint8Array([37, 80, 68, 70])),
      problemResponse({ type: 'urn:event-registration:problem:not-found', title: 'Not found', status: 404, detail: 'This certificate does not exist.' }),
    ];

    for (const answer of answers) expect(answer.headers).toMatchObject(HARDENED);
  });
});
