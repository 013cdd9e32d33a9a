/**
 * Property-based fuzzing of every route of the API: random path parameters, queries, bodies,
 * headers and roles, through real HTTP. Whatever arrives, the server must answer with a status
 * below 500, and every error must be problem+json.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { toJsonSchema } from '@valibot/to-json-schema';
import { ROUTES } from './api.js';
import { PUBLIC_ROUTE_DOCS } from './public/index.js';
import { databasesUnderTest } from './testing/postgres.js';
import { startTestApi, type TestApi } from './testing/harness.js';

/** Runs per route and database; FUZZ_RUNS raises it for a longer local session. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 12);

type Json = Record<string, unknown>;

const nasty = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'null',
  'true',
  '../../etc/passwd',
  '%00',
  "'; drop table incidents; --",
  '<script>alert(1)</script>',
  '🚨インシデント',
  'a'.repeat(5000),
  '2026-02-30T00:00:00Z',
  '2026-11-25T09:00:00Z',
  '2026-11-25',
  'javascript:alert(1)',
  'https://example.com/x',
  'SEV1',
  'operational',
  'investigating',
);
const text = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(text, scalar, { maxKeys: 4 }));

/** An object with the body schema's own keys, filled with random values: gets past shallow checks. */
function shaped(schema: Json | null): fc.Arbitrary<unknown> {
  const properties = Object.keys(schema?.['properties'] ?? {});
  if (!properties.length) return value;
  return fc.record(Object.fromEntries(properties.map((key) => [key, value])), { requiredKeys: [] });
}

function jsonSchema(schema: unknown): Json | null {
  if (!schema) return null;
  try {
    return toJsonSchema(schema as Parameters<typeof toJsonSchema>[0], { errorMode: 'ignore' }) as Json;
  } catch {
    return null;
  }
}

for (const { name, open } of databasesUnderTest()) {
  describe(`fuzzing every route (${name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(open, { public: { rateLimit: false } });
    });
    after(() => api?.close());

    // The event stream never ends by itself; its inputs are covered by public/stream.test.ts.
    const fuzzed = [...ROUTES, ...PUBLIC_ROUTE_DOCS.filter((r) => !r.path.endsWith('/stream'))];

    it('fuzzes the session, the status snapshot and the uptime of the page too', () => {
      for (const path of ['/v1/session', '/v1/status.json', '/v1/uptime']) assert.ok(fuzzed.some((r) => r.method === 'GET' && r.path === path), path);
    });

    for (const route of fuzzed) {
      it(`${route.method} ${route.path} never fails with a 5xx`, async () => {
        const body = jsonSchema(route.body);
        const query = jsonSchema(route.query);
        const queryKeys = Object.keys(query?.['properties'] ?? {});
        await fc.assert(
          fc.asyncProperty(
            fc.record({
              params: fc.array(text, { minLength: 4, maxLength: 4 }),
              query: fc.dictionary(queryKeys.length ? fc.oneof(fc.constantFrom(...queryKeys), text) : text, text, { maxKeys: 4 }),
              body: fc.oneof(shaped(body), value),
              raw: fc.option(text, { nil: undefined }),
              as: fc.constantFrom(null, 'viewer', 'responder', 'admin'),
              ifMatch: fc.option(fc.oneof(fc.constant('"1"'), text), { nil: undefined }),
              key: fc.option(text, { nil: undefined }),
            }),
            async (input) => {
              let i = 0;
              const path = route.path.replace(/:(\w+)/g, () => encodeURIComponent(input.params[i++] || 'x'));
              const search = new URLSearchParams(input.query).toString();
              const headers: Record<string, string> = {};
              if (input.ifMatch !== undefined) headers['if-match'] = input.ifMatch.replace(/[^\x20-\x7e]/g, '');
              if (input.key !== undefined) headers['idempotency-key'] = input.key.replace(/[^\x20-\x7e]/g, '');
              const sendsBody = route.method !== 'GET' && route.method !== 'DELETE';
              const response = await api.request(route.method, `${path}${search ? `?${search}` : ''}`, {
                as: input.as as 'viewer' | null,
                headers: sendsBody ? { 'content-type': 'application/json', ...headers } : headers,
                ...(sendsBody ? (input.raw !== undefined ? { raw: input.raw } : { body: input.body }) : {}),
              });
              assert.ok(response.status < 500, `${route.method} ${path}?${search} -> ${response.status}: ${response.text.slice(0, 500)}`);
              if (response.status >= 400) {
                assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/, `${route.method} ${path}: ${response.status} without problem+json`);
              }
            },
          ),
          { numRuns: RUNS },
        );
      });
    }
  });
}
