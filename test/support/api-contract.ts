import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Checks an HTTP answer against `/openapi.json`: that the operation declares its status, that
 * the content type is one it declares for that status, that the body matches that media
 * type's schema (JSON Schema 2020-12, with Ajv), and that the headers it marks required are
 * there. The document itself is first validated as OpenAPI 3.1 (@seriousme/openapi-schema-validator)
 * and its references resolved.
 *
 * Answers outside the API are skipped by name: the local sign-in (Cognito's managed login
 * stands in for it in AWS) and the console. A request that matches no operation gets API
 * Gateway's own `404 {"message":"Not Found"}`, and nothing else is accepted for it.
 */
export const NOT_API = [/^\/oauth2\//, /^\/\.well-known\//, /^\/console(\/|$)/];

export interface ObservedAnswer {
  method: string;
  /** The request path, with or without its query. */
  path: string;
  status: number;
  headers: Headers;
  text: string;
}

interface MediaTypeObject {
  schema?: object;
}
interface ResponseObject {
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, { required?: boolean }>;
}
interface OperationObject {
  operationId: string;
  responses: Record<string, ResponseObject>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, object> };
}
interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  literalSegments: number;
  operation: OperationObject;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

export class ApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<object, ValidateFunction>();
  private readonly routes: Route[];
  private readonly notFound: object;

  private constructor(document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.routes = Object.entries(document.paths).flatMap(([template, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, operation]) => ({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.split('/').map((segment) => (/^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`),
          literalSegments: template.split('/').filter((segment) => !segment.startsWith('{')).length,
          operation,
        })),
    );
    this.notFound = document.components.schemas.GatewayMessage!;
  }

  /** Validates the document as OpenAPI 3.1 and prepares its schemas. */
  static async load(document: unknown): Promise<ApiContract> {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
    if (!result.valid) throw new Error(`The OpenAPI document is not valid OpenAPI 3.1: ${JSON.stringify(result.errors, null, 2)}`);
    return new ApiContract(validator.resolveRefs() as unknown as OpenApiDocument);
  }

  /** The operation API Gateway would route this request to: literal segments win over parameters. */
  operationFor(method: string, path: string): (Route & { operation: OperationObject }) | undefined {
    const pathname = path.split('?')[0]!;
    return this.routes
      .filter((route) => route.method === method.toUpperCase() && route.pattern.test(pathname))
      .sort((a, b) => b.literalSegments - a.literalSegments)[0];
  }

  /** What about this answer the document does not describe; empty when it does. */
  mismatches(answer: ObservedAnswer): string[] {
    const pathname = answer.path.split('?')[0]!;
    if (NOT_API.some((pattern) => pattern.test(pathname))) return [];
    const route = this.operationFor(answer.method, pathname);
    if (!route) {
      // No route: API Gateway itself answers, before any function.
      if (answer.status !== 404) return [`${answer.method} ${pathname} matches no operation, so only API Gateway's 404 may answer it, not ${answer.status}`];
      const problems = this.body(this.notFound, 'application/json', answer);
      return problems.length > 0 || answer.text === '{"message":"Not Found"}' ? problems : [`API Gateway answers an unknown route {"message":"Not Found"}, not ${answer.text}`];
    }
    const { operation } = route;
    const status = String(answer.status);
    const response = operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses.default;
    if (!response) return [`${operation.operationId} does not declare status ${status} (it declares ${Object.keys(operation.responses).join(', ')})`];

    const problems: string[] = [];
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (header.required && !answer.headers.has(name)) problems.push(`${operation.operationId} ${status} must carry the ${name} header`);
    }
    const contentType = answer.headers.get('content-type');
    const declared = Object.keys(response.content ?? {});
    if (declared.length === 0) {
      if (answer.text.length > 0) problems.push(`${operation.operationId} ${status} declares no body, but one came (${contentType ?? 'no content type'})`);
      return problems;
    }
    const mediaType = contentType?.split(';')[0]!.trim().toLowerCase();
    const media = mediaType ? response.content![mediaType] : undefined;
    if (!mediaType || !media) {
      problems.push(`${operation.operationId} ${status} declares ${declared.join(', ')}, not ${contentType ?? 'a body without a content type'}`);
      return problems;
    }
    return [...problems, ...(media.schema ? this.body(media.schema, mediaType, answer).map((problem) => `${operation.operationId} ${status} ${mediaType}: ${problem}`) : [])];
  }

  private body(schema: object, mediaType: string, answer: ObservedAnswer): string[] {
    if (mediaType !== answer.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase()) return [`expected ${mediaType}, got ${answer.headers.get('content-type')}`];
    let instance: unknown = answer.text;
    if (isJson(mediaType)) {
      try {
        instance = JSON.parse(answer.text);
      } catch {
        return ['the body is not JSON'];
      }
    }
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(schema, validate);
    }
    if (validate(instance)) return [];
    return (validate.errors ?? []).map(({ instancePath, message, params }) => {
      const detail = 'additionalProperty' in params ? `: ${params.additionalProperty}` : 'allowedValues' in params ? `: ${JSON.stringify(params.allowedValues)}` : '';
      return `body${instancePath} ${message}${detail}`;
    });
  }
}
