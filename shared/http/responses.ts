import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpResult = APIGatewayProxyStructuredResultV2;

/**
 * On every answer of every function, errors and files included: browsers keep to HTTPS for two
 * years, never sniff a type other than the one sent, and never pass a URL (personal links carry
 * tokens) on as a referrer.
 */
export const SECURITY_HEADERS = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS, ...headers },
    body: JSON.stringify(body),
  };
}

/** Pages carry a strict CSP: no scripts at all, styles inline only, forms post to us. */
export function page(statusCode: number, body: string, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      ...SECURITY_HEADERS,
      ...headers,
    },
    body,
  };
}

export function seeOther(location: string): HttpResult {
  return { statusCode: 303, headers: { location, 'cache-control': 'no-store', ...SECURITY_HEADERS }, body: '' };
}

export function text(statusCode: number, contentType: string, body: string, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { 'content-type': contentType, 'cache-control': 'no-store', ...SECURITY_HEADERS, ...headers }, body };
}

/** A binary file (the certificate PDF), base64 as API Gateway expects it. */
export function binary(statusCode: number, contentType: string, content: Uint8Array, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { 'content-type': contentType, 'cache-control': 'no-store', ...SECURITY_HEADERS, ...headers }, body: Buffer.from(content).toString('base64'), isBase64Encoded: true };
}
