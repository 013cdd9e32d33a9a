/**
 * The OpenAPI 3.1 document, generated from the routes' own specs and the valibot schemas they
 * validate with: the contract has no second, hand-written copy. Entity schemas named in
 * `definitions` become `components.schemas` and are referenced, not repeated.
 */
import { toJsonSchema, toJsonSchemaDefs } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import type { RouteSpec } from './route.js';

type Json = Record<string, unknown>;

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
}

const PROBLEM_SCHEMA: Json = {
  type: 'object',
  description: 'RFC 9457 problem details.',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'What went wrong, and what to do about it.' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      description: 'Field-level issues of an invalid request.',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'The request is malformed (bad JSON, bad cursor).',
  401: 'A bearer token is missing, unknown or revoked.',
  403: "The token's role may not do this.",
  404: 'No such resource.',
  409: 'Conflicts with the current state.',
  412: 'The If-Match ETag is stale: the current version is in the problem.',
  413: 'The body is too large.',
  415: 'The body is not JSON.',
  422: 'The request does not validate: `errors` lists each problem.',
  428: 'If-Match is required.',
  429: 'Too many requests: see Retry-After.',
};

function convert(schema: v.GenericSchema, definitions: Record<string, v.GenericSchema>, typeMode: 'input' | 'output'): Json {
  const converted = toJsonSchema(schema, { target: 'draft-2020-12', errorMode: 'ignore', typeMode, definitions }) as Json;
  delete converted['$schema'];
  delete converted['$defs'];
  return converted;
}

function pathParameters(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
}

/** Builds the document for `routes`. */
export function buildOpenApi(routes: readonly RouteSpec<never, never, never>[], info: OpenApiInfo, definitions: Record<string, v.GenericSchema>): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters: Json[] = [];
    const paramSchema = route.params ? convert(route.params, definitions, 'input') : null;
    for (const name of pathParameters(route.path)) {
      const props = (paramSchema?.['properties'] ?? {}) as Record<string, Json>;
      parameters.push({ name, in: 'path', required: true, schema: props[name] ?? { type: 'string' } });
    }
    if (route.query) {
      const query = convert(route.query, definitions, 'input');
      const required = new Set((query['required'] as string[] | undefined) ?? []);
      for (const [name, schema] of Object.entries((query['properties'] ?? {}) as Record<string, Json>)) {
        parameters.push({ name, in: 'query', required: required.has(name), schema });
      }
    }
    if (route.idempotent) {
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'Repeat a create safely: the same key returns the first response.', schema: { type: 'string', maxLength: 200 } });
    }
    if (route.ifMatch) {
      parameters.push({ name: 'If-Match', in: 'header', required: true, description: 'The ETag you last read.', schema: { type: 'string' } });
    }
    const responses: Record<string, Json> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      const mediaType = response.mediaType ?? 'application/json';
      responses[status] = {
        description: response.description,
        ...(response.schema || response.mediaType ? { content: { [mediaType]: response.schema ? { schema: convert(response.schema, definitions, 'output') } : {} } } : {}),
      };
    }
    const errors = new Set<number>([...(route.params || route.query || route.body ? [422] : []), ...(route.body ? [400, 413, 415] : []), ...(route.access === 'public' ? [] : [401, 403]), ...(route.ifMatch ? [412, 428] : [])]);
    for (const status of [...errors].sort()) {
      responses[String(status)] ??= { description: STATUS_TEXT[status] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    }
    const operation: Json = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: route.tags,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: convert(route.body, definitions, 'input') } } } } : {}),
      responses,
      ...(route.access === 'public' ? { security: [] } : { 'x-hansei-role': route.access }),
    };
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }
  const schemas = toJsonSchemaDefs(definitions, { target: 'draft-2020-12', errorMode: 'ignore', typeMode: 'output' }) as Record<string, Json>;
  const document: Json = {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { ...schemas, Problem: PROBLEM_SCHEMA },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `hansei token create --role viewer|responder|admin`.' } },
    },
    security: [{ bearer: [] }],
  };
  // valibot's references point at $defs; in OpenAPI they live in components.schemas.
  return JSON.parse(JSON.stringify(document).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
}
