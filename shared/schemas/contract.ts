import type { Role } from '../http/claims';
import type { BodyOptions } from '../http/handler';
import { binary, json, page, seeOther, text, type HttpResult } from '../http/responses';
import * as z from './zod';

/**
 * What one HTTP function takes and answers, declared beside its handler (functions/<name>/schema.ts)
 * and named by its catalogue entry. The handler passes it to `httpHandler` (body and roles) and
 * answers through `responder(contract)`, whose types allow only the statuses, media types and
 * bodies declared here; `/openapi.json` is generated from the same object plus the catalogue
 * (method, path, auth, throttle). The problem answers every function shares (400 for a bad
 * body, 401/403, 404, 413, 415, 429, 500, 503) follow from those facts and are added by the
 * document builder (shared/http/openapi.ts); only 409s are named here, by their problem type.
 */
export type MediaType = 'application/json' | 'text/html' | 'text/csv' | 'application/pdf';

export interface HeaderSpec {
  description: string;
  required?: boolean;
}

export interface ResponseSpec {
  description: string;
  content?: { readonly [M in MediaType]?: z.core.$ZodType };
  /** Response headers by their canonical name (`Location`). */
  headers?: Readonly<Record<string, HeaderSpec>>;
}

export interface RequestBodySpec extends BodyOptions {
  /** The JSON body, as the handler validates it. */
  schema: z.core.$ZodType;
  /** The HTML form's fields as a browser posts them, where they differ from the JSON body. */
  formSchema?: z.core.$ZodType;
}

export interface Operation {
  body?: RequestBodySpec;
  /** An object schema: each property is a query parameter. */
  query?: z.core.$ZodType;
  /** An object schema: each property is a request header that changes the answer (Accept-Language). */
  headers?: z.core.$ZodType;
  /** Who may call an organiser route; organisers only when absent (see httpHandler). */
  roles?: readonly Role[];
  /** Every answer that is not a problem shared with other routes: successes, and pages a form gets back. */
  responses: Readonly<Record<number, ResponseSpec>>;
  /** The `type` slugs of the 409 problems the use case can answer. */
  conflicts?: readonly string[];
}

type Responses<O extends Operation> = O['responses'];
type StatusWith<O extends Operation, M extends MediaType> = {
  [S in keyof Responses<O>]: Responses<O>[S] extends { content: { [K in M]: z.core.$ZodType } } ? S : never;
}[keyof Responses<O>] &
  number;
type BodyOf<O extends Operation, S extends keyof Responses<O>, M extends MediaType> = Responses<O>[S] extends { content: { [K in M]: infer T extends z.core.$ZodType } }
  ? z.output<T>
  : never;
type RequiredHeaders<R> = R extends { headers: infer H }
  ? { [K in keyof H as H[K] extends { required: true } ? Lowercase<K & string> : never]: string }
  : Record<never, string>;
/** Headers to send: at least those the contract says this answer always carries. */
type HeadersOf<O extends Operation, S extends keyof Responses<O>> = RequiredHeaders<Responses<O>[S]> & Record<string, string>;
type HeadersArgument<O extends Operation, S extends keyof Responses<O>> = keyof RequiredHeaders<Responses<O>[S]> extends never ? [headers?: HeadersOf<O, S>] : [headers: HeadersOf<O, S>];

/**
 * Typed answers for one operation. Only the compiler reads the contract here: at run time each
 * method is the plain response helper, so shaping an answer costs nothing.
 */
export function responder<O extends Operation>(_operation: O) {
  return {
    json: <S extends StatusWith<O, 'application/json'>>(status: S, body: BodyOf<O, S, 'application/json'>, ...[headers]: HeadersArgument<O, S>): HttpResult =>
      json(status, body, headers),
    page: <S extends StatusWith<O, 'text/html'>>(status: S, html: string, ...[headers]: HeadersArgument<O, S>): HttpResult => page(status, html, headers),
    csv: <S extends StatusWith<O, 'text/csv'>>(status: S, csv: string, ...[headers]: HeadersArgument<O, S>): HttpResult =>
      text(status, 'text/csv; charset=utf-8', csv, headers),
    pdf: <S extends StatusWith<O, 'application/pdf'>>(status: S, pdf: Uint8Array, ...[headers]: HeadersArgument<O, S>): HttpResult => binary(status, 'application/pdf', pdf, headers),
    /** The 303 after a form post; only for operations that declare one. */
    seeOther: (location: 303 extends keyof Responses<O> ? string : never): HttpResult => seeOther(location),
  };
}

/**
 * A parameter's or field's schema with its description, as the document shows it. A copy is
 * described, so a schema used in several places (a count, an instant) keeps its own text elsewhere.
 */
export function described<S extends z.core.$ZodType>(schema: S, description: string): S {
  const copy = z.clone(schema) as S;
  z.globalRegistry.add(copy, { description });
  return copy;
}
