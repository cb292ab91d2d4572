import { createEventSchema } from '../../functions/create-event/schema';
import { cancelRegistrationSchema } from '../../functions/cancel-registration/schema';
import { checkInByCodeSchema } from '../../functions/check-in-by-code/schema';
import { registrationSchema } from '../../functions/register/schema';
import { updateEventSchema } from '../../functions/update-event/schema';
import { httpFunctions } from '../../infra/catalogue';
import * as z from '../schemas/zod';

/** Request bodies by function name; the routes themselves come from the catalogue. */
const REQUEST_BODIES: Record<string, { schema: z.core.$ZodType; form?: boolean }> = {
  'create-event': { schema: createEventSchema },
  'update-event': { schema: updateEventSchema },
  register: { schema: registrationSchema, form: true },
  'cancel-registration': { schema: cancelRegistrationSchema, form: true },
  'check-in-by-code': { schema: checkInByCodeSchema },
};

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
  },
};

/**
 * JSON Schema 2020-12 (OpenAPI 3.1's dialect) from a zod schema. Named schemas (registered with an `id`)
 * land in components and are referenced from the operation.
 */
function componentSchema(schema: z.core.$ZodType, components: Record<string, unknown>) {
  const { $schema: _dialect, $defs, ...rest } = JSON.parse(
    JSON.stringify(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' })).replaceAll('#/$defs/', '#/components/schemas/'),
  ) as Record<string, unknown> & { $defs?: Record<string, unknown> };
  Object.assign(components, $defs);
  return rest;
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = { Problem: problemSchema };
  for (const spec of httpFunctions()) {
    const { method, path, summary, auth } = spec.trigger;
    const parameters = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    const body = REQUEST_BODIES[spec.name];
    const bodySchema = body && componentSchema(body.schema, schemas);
    const content = bodySchema
      ? {
          'application/json': { schema: bodySchema },
          ...(body.form ? { 'application/x-www-form-urlencoded': { schema: bodySchema } } : {}),
        }
      : undefined;
    paths[path] ??= {};
    paths[path]![method.toLowerCase()] = {
      operationId: spec.name,
      summary,
      description: spec.description,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(content ? { requestBody: { required: true, content } } : {}),
      ...(auth === 'organiser' ? { security: [{ organiserJwt: [] }] } : {}),
      responses: {
        '2XX': { description: 'Success' },
        '4XX': { description: 'Client error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Event registration API', version: '1.0.0', description: 'Registration with capacity and waitlist, for masterclasses and workshops.' },
    paths,
    components: {
      schemas,
      securitySchemes: { organiserJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
