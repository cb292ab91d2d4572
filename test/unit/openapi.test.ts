import { describe, expect, it } from 'vitest';
import { httpFunctions } from '../../infra/catalogue';
import { openApiDocument } from '../../shared/http/openapi';

describe('OpenAPI document', () => {
  const document = openApiDocument();

  it('is OpenAPI 3.1 and has every catalogue route', () => {
    expect(document.openapi).toBe('3.1.0');
    for (const spec of httpFunctions()) {
      expect(document.paths[spec.trigger.path]?.[spec.trigger.method.toLowerCase()], `${spec.trigger.method} ${spec.trigger.path}`).toBeDefined();
    }
  });

  it('derives request bodies from the zod schemas, unknown fields forbidden', () => {
    const operation = document.paths['/events/{eventId}/registrations']!.post as { requestBody: { content: Record<string, { schema: Record<string, unknown> }> } };
    expect(operation.requestBody.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Registration' });
    const schema = document.components.schemas.Registration as Record<string, unknown>;

    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'email', 'consent']));
    expect(Object.keys(operation.requestBody.content)).toContain('application/x-www-form-urlencoded');
  });

  it('marks organiser routes as needing the bearer token', () => {
    const operation = document.paths['/admin/events']!.post as { security?: unknown };
    expect(operation.security).toEqual([{ organiserJwt: [] }]);
  });
});
