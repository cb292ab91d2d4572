import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { Forbidden, MalformedBody, PayloadTooLarge, Unauthorized, UnsupportedMediaType } from './request-errors';
import { GROUPS_CLAIM, ORGANISATION_CLAIM, rolesOf, type Role } from './claims';
import { pickLanguage } from '../i18n/format';
import { deadEndOf, renderNotFoundPage } from '../pages/not-found-page';
import { page } from './responses';
import { problemFor, problemResponse } from './problem';
import type { HttpResult } from './responses';
import { observability } from '../observability/middleware';

export type BodyFormat = 'json' | 'form';


type JwtClaims = Record<string, string | number | boolean | string[]>;

export type HttpEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & { authorizer?: { jwt?: { claims: JwtClaims; scopes: string[] | null } } };
  /** Set by the body parser: the decoded body and the format it came in. */
  parsedBody?: unknown;
  bodyFormat?: BodyFormat;
};

export interface BodyOptions {
  accept: readonly BodyFormat[];
  maxBytes: number;
  /** An empty body is fine (all fields have defaults); then parsedBody is undefined. */
  optional?: boolean;
}

const MEDIA_TYPES: Record<BodyFormat, string> = { json: 'application/json', form: 'application/x-www-form-urlencoded' };

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/**
 * JSON and HTML-form bodies into plain objects. Size and media type are checked before parsing,
 * so an oversized or odd body never reaches the validator.
 */
export function parseBody(event: APIGatewayProxyEventV2, options: BodyOptions): { body: unknown; format: BodyFormat } {
  const raw = event.body === undefined ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  if (raw.byteLength > options.maxBytes) throw new PayloadTooLarge(options.maxBytes);
  if (raw.byteLength === 0 && options.optional) return { body: undefined, format: options.accept[0]! };

  const mediaType = (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const format = options.accept.find((candidate) => MEDIA_TYPES[candidate] === mediaType);
  if (!format) throw new UnsupportedMediaType(options.accept.map((candidate) => MEDIA_TYPES[candidate]));

  const text = utf8(raw);
  if (format === 'form') return { body: formFields(text), format };
  try {
    return { body: JSON.parse(text), format };
  } catch {
    throw new MalformedBody('The request body is not valid JSON.');
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body as text; bytes that are not UTF-8 are the client's mistake, not something to replace with U+FFFD and store. */
function utf8(raw: Buffer): string {
  try {
    return strictUtf8.decode(raw);
  } catch {
    throw new MalformedBody('The request body is not valid UTF-8.');
  }
}

/**
 * application/x-www-form-urlencoded, strictly: a malformed escape (`%G1`, a lone `%`) or escaped
 * bytes that are not UTF-8 (`%FF`) refuse the post, where URLSearchParams would quietly put
 * U+FFFD in the person's name. A field named twice keeps its last value, as before.
 */
function formFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const [name, value] = equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
    try {
      Object.defineProperty(fields, decodeURIComponent(name.replace(/\+/g, ' ')), { value: decodeURIComponent(value.replace(/\+/g, ' ')), enumerable: true, writable: true, configurable: true });
    } catch {
      throw new MalformedBody('The form is not valid application/x-www-form-urlencoded UTF-8.');
    }
  }
  return fields;
}

const bodyParser = (options: BodyOptions): MiddlewareObj<HttpEvent, HttpResult> => ({
  before: async (request) => {
    const { body, format } = parseBody(request.event, options);
    request.event.parsedBody = body;
    request.event.bodyFormat = format;
  },
});

/**
 * Registered last so it is the first onError to run: every failure leaves as problem+json,
 * except a page a browser asked for that is not there (a forged certificate, a dead personal
 * link): that is a page in the visitor's language, with the same status.
 */
const problemDetails = (): MiddlewareObj<HttpEvent, HttpResult> => ({
  onError: async (request) => {
    const problem = problemFor(request.error, request.event.rawPath);
    const { event } = request;
    if (problem.status === 404 && event.requestContext.http.method === 'GET' && prefersHtml(header(event, 'accept'))) {
      const language = pickLanguage(event.queryStringParameters?.lang, header(event, 'accept-language'), 'nl');
      request.response = page(404, renderNotFoundPage(deadEndOf(event.rawPath), language));
      return;
    }
    request.response = problemResponse(problem);
  },
});

/** A browser's Accept names text/html ahead of JSON; an API client names JSON or nothing. */
export function prefersHtml(accept: string | undefined): boolean {
  const types = (accept ?? '').toLowerCase().split(',').map((part) => part.split(';')[0]!.trim());
  const htmlAt = types.indexOf('text/html');
  const jsonAt = types.findIndex((type) => type === 'application/json' || type === 'application/problem+json');
  return htmlAt >= 0 && (jsonAt < 0 || htmlAt < jsonAt);
}

/**
 * On routes behind the JWT authorizer, the caller's role must be one of `allowed`; checked
 * before the body is read, so a door account learns nothing from validation errors.
 */
const authorise = (allowed: readonly Role[]): MiddlewareObj<HttpEvent, HttpResult> => ({
  before: async (request) => {
    const claims = request.event.requestContext.authorizer?.jwt?.claims;
    if (!claims) return;
    if (!rolesOf(claims[GROUPS_CLAIM]).some((role) => allowed.includes(role))) {
      throw new Forbidden(allowed.includes('door') ? 'Your account may not use the door list.' : 'Only organisers may do this; door accounts may only use the door list and check people in and out.');
    }
  },
});

export interface HttpHandlerOptions {
  body?: BodyOptions;
  /** Who may call an organiser route: organisers only, unless the route names more roles. */
  roles?: readonly Role[];
}

export function httpHandler(fn: (event: HttpEvent, context: Context) => Promise<HttpResult>, options: HttpHandlerOptions = {}) {
  const chain = middy<HttpEvent, HttpResult>().use(observability()).use(authorise(options.roles ?? ['organiser']));
  if (options.body) chain.use(bodyParser(options.body));
  return chain.use(problemDetails()).handler(fn);
}

/** The caller's organisation (its role was checked by httpHandler before the handler ran). */
export function organisationOf(event: HttpEvent): string {
  const organisationId = event.requestContext.authorizer?.jwt?.claims[ORGANISATION_CLAIM];
  if (typeof organisationId !== 'string' || organisationId.length === 0) throw new Unauthorized();
  return organisationId;
}

/** Who called: the account's subject id, for access records (never its e-mail address). */
export function callerOf(event: HttpEvent): string {
  const subject = event.requestContext.authorizer?.jwt?.claims.sub;
  return typeof subject === 'string' ? subject : 'unknown';
}

export function pathParameter(event: HttpEvent, name: string): string {
  const value = event.pathParameters?.[name];
  // The route guarantees it; its absence is a wiring bug, not the client's mistake.
  if (!value) throw new Error(`Route delivered no path parameter ${name}`);
  return value;
}
