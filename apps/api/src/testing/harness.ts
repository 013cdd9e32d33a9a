/**
 * A real API for route tests: a migrated database, one token per role, and the server listening
 * on a loopback port, so every test goes through real HTTP.
 */
import type { TokenRole } from '@hansei/core';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createToken } from '../http/auth.js';
import type { StatusPageRenderer } from '../http/status-page.js';
import { mountPublic, type PublicOptions, type PublicSurface } from '../public/index.js';
import { startServer } from '../server.js';
import type { Services } from '../services.js';

export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON when the response is JSON, else the text. */
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  readonly text: string;
}

export interface RequestOptions {
  /** A role (uses that role's token), a raw Authorization value, or null for anonymous (default). */
  readonly as?: TokenRole | null;
  readonly authorization?: string;
  readonly body?: unknown;
  /** A raw body (sent as is). */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

export interface TestApi {
  readonly url: string;
  readonly db: Database;
  readonly services: Services;
  readonly tokens: Readonly<Record<TokenRole, string>>;
  /** The public surface, when started with the `public` option. */
  readonly surface?: PublicSurface;
  /** Moves the clock the API sees (epoch ms). */
  setNow(ms: number): void;
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  close(): Promise<void>;
}

export const TEST_NOW = Date.parse('2026-11-25T09:00:00.000Z');

export interface TestApiOptions {
  /** Also mount the public surface (public/index.ts), before the API, with these options. */
  readonly public?: PublicOptions | true;
  /** Serve this status page at `/` (needs `public`). */
  readonly statusPage?: StatusPageRenderer;
  /** Origins allowed to call /v1 from other sites (http/cors.ts). */
  readonly corsOrigins?: readonly string[];
}

/** Starts the API on a fresh database from `open`. */
export async function startTestApi(open: () => Promise<Database>, options: TestApiOptions = {}): Promise<TestApi> {
  const db = await open();
  await migrate(db);
  let now = TEST_NOW;
  const services: Services = { db, now: () => now };
  const tokens = {} as Record<TokenRole, string>;
  for (const role of ['viewer', 'responder', 'admin'] as const) tokens[role] = (await createToken(db, { role, name: `test ${role}` }, now)).token;
  const version = '0.0.0-test';
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    version,
    services,
    public: options.public ? (options.public === true ? {} : options.public) : false,
    statusPage: options.statusPage,
    corsOrigins: options.corsOrigins,
  });
  // mountPublic hands back what the server's app already mounted.
  const surface = options.public ? mountPublic(server.app, services) : undefined;
  return {
    url: server.url,
    db,
    services,
    tokens,
    ...(surface ? { surface } : {}),
    setNow: (ms) => {
      now = ms;
    },
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.authorization !== undefined) headers['authorization'] = options.authorization;
      else if (options.as) headers['authorization'] = `Bearer ${tokens[options.as]}`;
      let body: string | undefined;
      if (options.raw !== undefined) body = options.raw;
      else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${server.url}${path}`, { method, headers, body });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      return { status: response.status, headers: response.headers, text, body: /json/.test(type) && text ? (JSON.parse(text) as unknown) : text };
    },
    async close() {
      await server.close(0);
      await db.close();
    },
  };
}
