import fc from 'fast-check';
import { httpFunctions } from '../../../infra/catalogue';
import { formToRegistration, registrationSchema } from '../../../functions/register/schema';
import type { Operation } from '../../../shared/schemas/contract';
import * as z from '../../../shared/schemas/zod';
import { conforming, deepNesting, wrongType, type JsonSchema } from './json-schema';
import { hostileHeaderValue, hostileString } from './strings';

/**
 * Hostile requests for every HTTP route of the catalogue, shaped by /openapi.json (parameters,
 * request bodies) and judged by the zod schemas behind it: a body the schema refuses must be
 * refused by the API too. The ids and token of a request's target (an event, a registration on
 * it and that registration's token) are only known when it runs: the generator writes markers,
 * `materialise` fills them in.
 */
export const MARK = { eventId: '@@eventId@@', registrationId: '@@registrationId@@', token: '@@token@@' } as const;
const BROKEN = '@@BROKEN@@';

export interface Target {
  eventId: string;
  registrationId: string;
  token: string;
  email: string;
}

export type Auth = 'organiser' | 'door' | 'other-organisation' | 'none' | 'garbage';
export type Tokens = Record<'organiser' | 'door' | 'other-organisation', string>;

export interface Route {
  name: string;
  method: string;
  template: string;
  auth: 'organiser' | 'public';
  contract: Operation;
  parameters: Array<{ name: string; in: string; required?: boolean; schema: JsonSchema }>;
  /** Request body schemas by media type, from the document. */
  bodies: Record<string, JsonSchema>;
}

export interface HostileBody {
  /** Which family of mistakes the body probes. */
  probe: string;
  contentType?: string;
  text: string;
  /** Bytes that are not UTF-8, put where the text says `@@BROKEN@@`. */
  broken?: readonly number[];
}

export interface HostileRequest {
  route: string;
  auth: Auth;
  path: Record<string, string>;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body?: HostileBody;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Route['parameters']; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** Every HTTP route of the catalogue with what the document says it takes. */
export function routesOf(document: OpenApiDocument): Route[] {
  return httpFunctions().map((spec) => {
    const operation = document.paths[spec.trigger.path]?.[spec.trigger.method.toLowerCase()];
    if (!operation) throw new Error(`${spec.trigger.method} ${spec.trigger.path} (${spec.name}) is not in /openapi.json`);
    return {
      name: spec.name,
      method: spec.trigger.method,
      template: spec.trigger.path,
      auth: spec.trigger.auth,
      contract: spec.trigger.contract,
      parameters: operation.parameters ?? [],
      bodies: Object.fromEntries(Object.entries(operation.requestBody?.content ?? {}).map(([mediaType, media]) => [mediaType, media.schema])),
    };
  });
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

const contentTypeVariants = (mediaType: string) =>
  fc.oneof({ arbitrary: fc.constant(mediaType), weight: 6 }, { arbitrary: fc.constantFrom(`${mediaType}; charset=utf-8`, mediaType.toUpperCase(), ` ${mediaType} `, `${mediaType};;;x`), weight: 1 });

const WRONG_CONTENT_TYPES = ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/jsonx', 'application/problem+json', 'text/html', 'application/octet-stream', 'json', ''];

/** Serialises with a key written twice: which one counts is the parser's choice. */
function withDuplicateKey(value: Record<string, unknown>, key: string, first: unknown): string {
  const rest = Object.entries(value).map(([name, item]) => `${JSON.stringify(name)}:${JSON.stringify(item) ?? 'null'}`);
  return `{${[`${JSON.stringify(key)}:${JSON.stringify(first) ?? 'null'}`, ...rest].join(',')}}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON body: as the schema shapes it, mutated, duplicated, broken, nested deep or huge. */
function jsonBodies(route: Route, schema: JsonSchema, resolve: (ref: string) => JsonSchema): fc.Arbitrary<HostileBody> {
  const hints = { token: fc.constant(MARK.token), registrationIds: fc.constant([MARK.registrationId]) };
  const value = conforming(schema, { resolve, hints });
  const maxBytes = route.contract.body!.maxBytes;
  const contentType = contentTypeVariants(JSON_TYPE);
  return fc.oneof(
    { arbitrary: fc.tuple(value, contentType).map(([body, type]) => ({ probe: 'json shaped by the schema', contentType: type, text: JSON.stringify(body) ?? 'null' })), weight: 5 },
    {
      arbitrary: fc.tuple(value, fc.nat(), wrongType).map(([body, index, replacement]) => {
        if (!isRecord(body) || Object.keys(body).length === 0) return { probe: 'json of the wrong type', contentType: JSON_TYPE, text: JSON.stringify(replacement) };
        const key = Object.keys(body)[index % Object.keys(body).length]!;
        return { probe: `json with ${key} of the wrong type`, contentType: JSON_TYPE, text: JSON.stringify({ ...body, [key]: replacement }) };
      }),
      weight: 3,
    },
    {
      arbitrary: fc.tuple(value, fc.nat()).map(([body, index]) => {
        const keys = isRecord(body) ? Object.keys(body) : [];
        const key = keys[index % Math.max(keys.length, 1)];
        const copy: Record<string, unknown> = isRecord(body) ? { ...body } : {};
        if (key) delete copy[key];
        return { probe: `json without ${key ?? 'anything'}`, contentType: JSON_TYPE, text: JSON.stringify(copy) };
      }),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(value, fc.constantFrom('isAdmin', '__proto__', 'constructor', 'organisationId', 'status', 'id', ''), hostileString).map(([body, key, extra]) => ({
        probe: `json with an extra field ${JSON.stringify(key)}`,
        contentType: JSON_TYPE,
        text: isRecord(body) ? `${JSON.stringify(body).slice(0, -1)}${Object.keys(body).length > 0 ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(extra)}}` : JSON.stringify({ [key]: extra }),
      })),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(value, fc.nat(), wrongType).map(([body, index, first]) => {
        const keys = isRecord(body) ? Object.keys(body) : [];
        if (keys.length === 0) return { probe: 'json with a duplicate key', contentType: JSON_TYPE, text: '{"a":1,"a":2}' };
        const key = keys[index % keys.length]!;
        return { probe: `json with ${key} twice`, contentType: JSON_TYPE, text: withDuplicateKey(body as Record<string, unknown>, key, first) };
      }),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(value, fc.nat(), fc.constantFrom('truncated', 'trailing', 'bom', 'single-quotes', 'nan', 'comment')).map(([body, cut, how]) => {
        const text = JSON.stringify(body) ?? '{}';
        const broken = {
          truncated: text.slice(0, cut % Math.max(text.length, 1)),
          trailing: `${text}}`,
          bom: `\uFEFF${text}`,
          'single-quotes': text.replace(/"/g, "'"),
          nan: '{"capacity":NaN,"name":Infinity}',
          comment: `/* hi */${text}`,
        }[how];
        return { probe: `broken json (${how})`, contentType: JSON_TYPE, text: broken };
      }),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(value, fc.constantFrom([0xff], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80])).map(([body, bytes]) => {
        const keys = isRecord(body) ? Object.keys(body).filter((key) => typeof body[key] === 'string') : [];
        const text = keys.length > 0 ? JSON.stringify({ ...(body as object), [keys[0]!]: `Ann${BROKEN}` }) : `{"name":"Ann${BROKEN}"}`;
        return { probe: `broken UTF-8 ${bytes.map((byte) => byte.toString(16)).join(' ')}`, contentType: JSON_TYPE, text, broken: bytes };
      }),
      weight: 2,
    },
    { arbitrary: deepNesting.map((text) => ({ probe: 'deep nesting', contentType: JSON_TYPE, text })), weight: 1 },
    {
      arbitrary: deepNesting.chain((nested) =>
        value.map((body) => ({ probe: 'deep nesting in a field', contentType: JSON_TYPE, text: isRecord(body) && Object.keys(body).length > 0 ? JSON.stringify(body).replace(/:("([^"\\]|\\.)*"|[^,{}[\]]+)/, `:${nested}`) : nested })),
      ),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 40_000 }), fc.constantFrom('x', 'é', '😀')).map(([over, unit]) => ({
        probe: `${maxBytes + over} bytes and more`,
        contentType: JSON_TYPE,
        text: JSON.stringify({ name: unit.repeat(Math.ceil((maxBytes + over) / Buffer.byteLength(unit))) }),
      })),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(value, fc.constantFrom(...WRONG_CONTENT_TYPES)).map(([body, type]) => ({ probe: `content type ${JSON.stringify(type)}`, contentType: type || undefined, text: JSON.stringify(body) ?? '' })),
      weight: 2,
    },
    { arbitrary: fc.constantFrom('', ' ', 'null', '[]', '""', '0', '{}').map((text) => ({ probe: `the body ${JSON.stringify(text)}`, contentType: JSON_TYPE, text })), weight: 1 },
  );
}

/** A browser (like a URL) carries UTF-8, so a lone surrogate travels as U+FFFD. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

const encodeForm = (fields: Array<[string, string]>) => fields.map(([key, value]) => `${encodeURIComponent(wellFormed(key))}=${encodeURIComponent(wellFormed(value))}`.replace(/%20/g, '+')).join('&');

/** A hosted-form post: the fields as a browser sends them, odd values, and broken percent-encoding. */
function formBodies(schema: JsonSchema, resolve: (ref: string) => JsonSchema): fc.Arbitrary<HostileBody> {
  const value = conforming(schema, { resolve, hints: { token: fc.constant(MARK.token) } });
  const fields = value.map((body) => Object.entries(isRecord(body) ? body : {}).map(([key, item]) => [key, typeof item === 'string' ? item : JSON.stringify(item)] as [string, string]));
  const contentType = contentTypeVariants(FORM_TYPE);
  return fc.oneof(
    { arbitrary: fc.tuple(fields, contentType).map(([pairs, type]) => ({ probe: 'form shaped by the schema', contentType: type, text: encodeForm(pairs) })), weight: 4 },
    {
      arbitrary: fc.tuple(fields, fc.constantFrom('%', '%G1', '%E2%82', '%FF', '%C0%AF', '%ED%A0%80', '%%', '%u00e9', 'a%2'), fc.boolean()).map(([pairs, broken, inKey]) => ({
        probe: `broken form encoding ${broken}`,
        contentType: FORM_TYPE,
        text: inKey ? `${encodeForm(pairs)}&na${broken}me=x` : `${encodeForm(pairs.filter(([key]) => key !== 'name'))}&name=Ann${broken}`,
      })),
      weight: 3,
    },
    {
      arbitrary: fc.tuple(fields, fc.constantFrom([0xff], [0xc3], [0xed, 0xa0, 0x80])).map(([pairs, bytes]) => ({
        probe: 'form with raw bytes that are not UTF-8',
        contentType: FORM_TYPE,
        text: `${encodeForm(pairs.filter(([key]) => key !== 'name'))}&name=Ann${BROKEN}`,
        broken: bytes,
      })),
      weight: 1,
    },
    {
      arbitrary: fields.map((pairs) => ({ probe: 'form with every field twice', contentType: FORM_TYPE, text: `${encodeForm(pairs)}&${encodeForm(pairs.map(([key]) => [key, '']))}` })),
      weight: 1,
    },
    { arbitrary: fc.constantFrom('&&&', '=', '==&=', 'name', 'a=b=c', '+++=+++', 'consent=on&consent=off').map((text) => ({ probe: `form ${JSON.stringify(text)}`, contentType: FORM_TYPE, text })), weight: 1 },
  );
}

/** Hostile text that fits a URL: API Gateway (and Node) refuse request lines past a few kilobytes before any function runs. */
const urlSized = hostileString.filter((text) => text.length <= 500);

const pathValue = (name: string) =>
  fc.oneof(
    { arbitrary: fc.constant(name === 'eventId' ? MARK.eventId : name === 'registrationId' ? MARK.registrationId : 'CERT-0000-0000'), weight: 8 },
    { arbitrary: fc.constantFrom('01J0000000000000000000000', 'masterclass-demo', 'x', '0', 'null', 'undefined', '%2E%2E', '__proto__'), weight: 1 },
    { arbitrary: urlSized.filter((text) => text.length > 0 && text !== '.' && text !== '..'), weight: 2 },
  );

const ACCEPTS = ['application/json', 'text/html', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'text/csv', '*/*', 'application/pdf', 'application/problem+json'];

/** One hostile request for `route`. */
export function hostileRequest(route: Route, resolve: (ref: string) => JsonSchema): fc.Arbitrary<HostileRequest> {
  const pathNames = [...route.template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const path = fc.record(Object.fromEntries(pathNames.map((name) => [name, pathValue(name)])));
  const queryParameters = route.parameters.filter((parameter) => parameter.in === 'query');
  const query = fc
    .tuple(
      ...queryParameters.map((parameter) =>
        fc.option(
          parameter.name === 'token'
            ? fc.oneof({ arbitrary: fc.constant(MARK.token), weight: 3 }, { arbitrary: urlSized, weight: 1 })
            : fc.oneof({ arbitrary: conforming(parameter.schema, { resolve }).map(String).filter((text) => text.length <= 500), weight: 2 }, { arbitrary: urlSized, weight: 1 }),
          { freq: 4 },
        ).map((value) => (value === null ? [] : [[parameter.name, value] as [string, string]])),
      ),
      fc.array(fc.tuple(fc.constantFrom('lang', 'token', '__proto__', 'status', 'position', 'names', 'x'), urlSized), { maxLength: 2 }),
    )
    .map((parts) => parts.flat() as Array<[string, string]>);
  const auth: fc.Arbitrary<Auth> =
    route.auth === 'organiser'
      ? fc.oneof({ arbitrary: fc.constant<Auth>('organiser'), weight: 12 }, { arbitrary: fc.constantFrom<Auth>('door', 'other-organisation', 'none', 'garbage'), weight: 3 })
      : fc.oneof({ arbitrary: fc.constant<Auth>('none'), weight: 6 }, { arbitrary: fc.constant<Auth>('garbage'), weight: 1 });
  const headers = fc
    .record(
      {
        accept: fc.oneof({ arbitrary: fc.constantFrom(...ACCEPTS), weight: 3 }, { arbitrary: hostileHeaderValue, weight: 1 }),
        'accept-language': hostileHeaderValue,
        'idempotency-key': hostileHeaderValue,
      },
      { requiredKeys: [] },
    )
    .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Record<string, string>);

  const families: Array<fc.Arbitrary<HostileBody | undefined>> = [];
  const jsonSchema = route.bodies[JSON_TYPE];
  const formSchema = route.bodies[FORM_TYPE];
  if (jsonSchema) families.push(jsonBodies(route, jsonSchema, resolve));
  if (formSchema) families.push(formBodies(formSchema, resolve));
  if (route.method !== 'GET') {
    // A body on a route that takes none, or none where one is needed.
    families.push(fc.constant(undefined));
    if (!jsonSchema) families.push(fc.constantFrom<HostileBody>({ probe: 'a body nobody asked for', contentType: JSON_TYPE, text: '{"name":"x"}' }, { probe: 'a form nobody asked for', contentType: FORM_TYPE, text: 'a=%' }));
  }
  const body = families.length > 0 ? fc.oneof(...families) : fc.constant(undefined);

  return fc.record({ route: fc.constant(route.name), auth, path, query, headers, body }).map((request) => (request.body === undefined ? { ...request, body: undefined } : request));
}

/** What a request becomes against its target, and whether the API must refuse it (and why). */
export interface Materialised {
  method: string;
  url: string;
  /** The path and query as sent, for the OpenAPI check. */
  pathAndQuery: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  mustRefuse: string[];
}

const fill = (text: string, target: Target) => text.replaceAll(MARK.eventId, target.eventId).replaceAll(MARK.registrationId, target.registrationId).replaceAll(MARK.token, target.token);

/** Strict application/x-www-form-urlencoded: a malformed escape or bytes that are not UTF-8 are an error, not U+FFFD. */
export function strictForm(bytes: Uint8Array): Record<string, string> | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const fields: Array<[string, string]> = [];
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const at = piece.indexOf('=');
    const [key, value] = at < 0 ? [piece, ''] : [piece.slice(0, at), piece.slice(at + 1)];
    try {
      fields.push([decodeURIComponent(key.replace(/\+/g, ' ')), decodeURIComponent(value.replace(/\+/g, ' '))]);
    } catch {
      return undefined;
    }
  }
  return Object.fromEntries(fields);
}

/** Why the API must refuse the body, judged by the same zod schema the handler uses; empty when it may accept it. */
function bodyVerdict(route: Route, body: HostileBody | undefined, bytes: Uint8Array | undefined): string[] {
  const spec = route.contract.body;
  if (!spec) return [];
  const size = bytes?.byteLength ?? 0;
  if (size > spec.maxBytes) return [`the body is over ${spec.maxBytes} bytes`];
  if (size === 0 && spec.optional) return [];
  const mediaType = (body?.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const format = mediaType === JSON_TYPE && spec.accept.includes('json') ? 'json' : mediaType === FORM_TYPE && spec.accept.includes('form') ? 'form' : undefined;
  if (!format) return [`the route does not take ${JSON.stringify(body?.contentType ?? 'no content type')}`];
  let parsed: unknown;
  if (format === 'form') {
    const form = strictForm(bytes ?? new Uint8Array());
    if (!form) return ['the form encoding is broken'];
    if (route.name === 'register') {
      if (form.website) return [];
      parsed = formToRegistration(form);
    } else parsed = form;
  } else {
    try {
      parsed = JSON.parse(Buffer.from(bytes ?? []).toString('utf8'));
    } catch {
      return ['the body is not JSON'];
    }
  }
  const schema = route.name === 'register' ? registrationSchema : spec.schema;
  let result: ReturnType<typeof z.safeParse>;
  try {
    result = z.safeParse(schema, parsed);
  } catch (error) {
    // The handler would throw the same: a 500 the run reports.
    return [`the schema itself threw ${String(error)}`];
  }
  return result.success ? [] : [`the schema refuses it: ${result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`.slice(0, 300)];
}

export function materialise(request: HostileRequest, routes: ReadonlyMap<string, Route>, target: Target, tokens: Tokens, baseUrl: string): Materialised {
  const route = routes.get(request.route)!;
  const mustRefuse: string[] = [];
  const path = route.template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = fill(request.path[name]!, target);
    if (!Object.values(target).includes(value)) mustRefuse.push(`${name} names nothing`);
    // A URL carries UTF-8, so a lone surrogate travels as U+FFFD; dots would be resolved away by the URL parser.
    return encodeURIComponent(wellFormed(value)).replace(/\./g, '%2E');
  });
  const search = new URLSearchParams(request.query.map(([key, value]): [string, string] => [key, fill(value, target)])).toString();
  const pathAndQuery = search ? `${path}?${search}` : path;

  const headers: Record<string, string> = { ...request.headers };
  if (request.auth === 'organiser' || request.auth === 'door' || request.auth === 'other-organisation') headers.authorization = `Bearer ${tokens[request.auth]}`;
  if (request.auth === 'garbage') headers.authorization = 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.';
  if (route.auth === 'organiser') {
    if (request.auth === 'none' || request.auth === 'garbage') mustRefuse.push('no valid token');
    if (request.auth === 'door' && !(route.contract.roles ?? ['organiser']).includes('door')) mustRefuse.push('a door account may not');
    if (request.auth === 'other-organisation' && route.template.includes('{eventId}')) mustRefuse.push("another organisation's event");
  }
  const queryToken = request.query.find(([key]) => key === 'token');
  if (route.parameters.some((parameter) => parameter.name === 'token' && parameter.in === 'query') && (!queryToken || fill(queryToken[1], target) !== target.token)) mustRefuse.push('the token is wrong');

  let bytes: Uint8Array | undefined;
  if (request.body) {
    if (request.body.contentType !== undefined) headers['content-type'] = request.body.contentType;
    const [before, ...after] = fill(request.body.text, target).split(BROKEN);
    bytes = Buffer.concat([Buffer.from(before!, 'utf8'), ...after.flatMap((part) => [Buffer.from(request.body!.broken ?? []), Buffer.from(part, 'utf8')])]);
  }
  mustRefuse.push(...bodyVerdict(route, request.body, bytes));
  if (route.contract.body && ['cancel-registration', 'confirm-registration', 'erase-registration', 'network-consent'].includes(route.name) && mustRefuse.length === 0) {
    // The personal page's buttons: only the registration's own token opens anything.
    const form = request.body?.contentType?.toLowerCase().includes('form') ? strictForm(bytes!) : undefined;
    let token: unknown = form?.token;
    if (!form) {
      try {
        token = (JSON.parse(Buffer.from(bytes ?? []).toString('utf8')) as { token?: unknown } | null)?.token;
      } catch {
        token = undefined;
      }
    }
    if (token !== target.token) mustRefuse.push('the token is wrong');
  }
  return { method: route.method, url: `${baseUrl}${pathAndQuery}`, pathAndQuery, headers, body: bytes, mustRefuse };
}
