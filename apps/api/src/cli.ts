#!/usr/bin/env node
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TOKEN_ROLES, type TokenRole } from '@hansei/core';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { createToken, listTokens, revokeToken } from './http/auth.js';
import { parseCorsOrigins } from './http/cors.js';
import { createLogger } from './log.js';
import { loadStatusPage } from './http/status-page.js';
import { exportSnapshot } from './public/export.js';
import type { PublicOptions } from './public/index.js';
import { SeedRefusedError, seedDemo, type SeedSummary } from './seed.js';
import { startServer } from './server.js';

const USAGE = `Usage: hansei <command> [options]

Commands:
  serve                 Run the API, the status page at / and the portal at /portal/
  migrate               Apply database migrations
  seed [--replace]      Load the demo dataset (refuses a database that has incidents, unless --replace)
  export <dir>          Write a static snapshot of the public status (API documents, feed, badge,
                        and the built status page) for any static host or CDN
  token create          Create an API token (printed once)
  token list            List tokens (never their secrets)
  token revoke <id>     Revoke a token
  help                  Show this help

Database: PostgreSQL when DATABASE_URL is set; otherwise PGlite (embedded) in --data
(default: $HANSEI_DATA_DIR or ./.hansei-data).

Options for serve:
  --port <n>          Port to listen on (default: $PORT or 3000)
  --host <addr>       Address to bind (default: $HOST or 127.0.0.1)
  --data <dir>        PGlite data folder
  --demo              Seed the demo into an empty database and print an admin token for the portal
  --cors-origin <o>   Let pages on origin <o> (e.g. https://admin.example.com, or * for any) call
                      /v1 with a token; repeat, or list them in $HANSEI_CORS_ORIGINS
Options for export:
  --url <url>         The page's public URL, when the page settings name none
  --api <url>         Where the exported pages' script finds the live API, when not at the
                      pages' own origin (they show the exported status while it is down)
Environment for serve: HANSEI_LOG=silent|error|info|debug, HANSEI_RATE_LIMIT=off,
  HANSEI_PUBLIC_CACHE=off, HANSEI_TRUST_PROXY=<number of proxies in front>,
  HANSEI_STREAMS_PER_TOKEN=<n> (default 100), HANSEI_STREAMS_PER_ADDRESS=<n> (default 1000)
Options for token create:
  --role <role>       viewer | responder | admin (required)
  --name <text>       What the token is for (required)
`;

class UsageError extends Error {}

/** The built apps, beside this package. */
const APPS_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** The public surface's knobs from the environment (see USAGE). */
export function publicOptions(env: NodeJS.ProcessEnv): PublicOptions {
  const proxies = Number(env['HANSEI_TRUST_PROXY'] ?? 0);
  const count = (name: string): number | undefined => {
    const value = Number(env[name] ?? NaN);
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const perToken = count('HANSEI_STREAMS_PER_TOKEN');
  const perAddress = count('HANSEI_STREAMS_PER_ADDRESS');
  return {
    ...(perToken || perAddress ? { stream: { limits: { ...(perToken ? { perToken } : {}), ...(perAddress ? { perAddress } : {}) } } } : {}),
    ...(env['HANSEI_RATE_LIMIT'] === 'off' ? { rateLimit: false as const } : {}),
    ...(env['HANSEI_PUBLIC_CACHE'] === 'off' ? { cache: { ttlMs: 0 } } : {}),
    ...(Number.isInteger(proxies) && proxies > 0 ? { trustProxy: proxies } : {}),
  };
}

/** The origins of --cors-origin (repeatable) and $HANSEI_CORS_ORIGINS together. */
function corsOriginsOf(flags: readonly string[] | undefined, env: NodeJS.ProcessEnv): readonly string[] {
  try {
    return parseCorsOrigins([...(flags ?? []), env['HANSEI_CORS_ORIGINS'] ?? ''].join(','));
  } catch (error) {
    throw new UsageError(`--cors-origin: ${(error as Error).message}`);
  }
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

type Out = (text: string) => void;

function dataDir(env: NodeJS.ProcessEnv, data: string | undefined): string {
  return resolve(data ?? env['HANSEI_DATA_DIR'] ?? '.hansei-data');
}

function open(env: NodeJS.ProcessEnv, data: string | undefined): Promise<Database> {
  return openDatabase({ databaseUrl: env['DATABASE_URL'] || undefined, dataDir: dataDir(env, data) });
}

function describeSeed(summary: SeedSummary): string {
  return `Seeded the demo: ${summary.components} components, ${summary.incidents} incidents, ${summary.postmortems} postmortems, ${summary.actions} prevention actions, ${summary.slos} SLOs (${summary.samples} samples) in ${Math.round(summary.ms)} ms.\n`;
}

/**
 * Demo mode: seeds an empty database, and keeps an admin token for the portal. With the embedded
 * database the token is kept (readable by this user only) in the data folder and shown at every
 * start; with PostgreSQL it is shown once, when seeding.
 */
async function prepareDemo(db: Database, env: NodeJS.ProcessEnv, data: string | undefined, out: Out): Promise<void> {
  const tokenFile = db.kind === 'pglite' ? join(dataDir(env, data), 'demo-admin-token') : null;
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from incidents');
  if ((row?.n ?? 0) === 0) {
    out(describeSeed(await seedDemo(db, Date.now())));
    const { token } = await createToken(db, { role: 'admin', name: 'demo admin (hansei serve --demo)' });
    if (tokenFile) {
      writeFileSync(tokenFile, `${token}\n`);
      chmodSync(tokenFile, 0o600);
    } else {
      out(`Admin token for the portal (shown once): ${token}\n`);
    }
  }
  if (tokenFile && existsSync(tokenFile)) out(`Admin token for the portal: ${readFileSync(tokenFile, 'utf8').trim()}\n`);
}

/** Opens the database, brings its schema up to date, runs `work`, and closes it. */
async function withDatabase<T>(env: NodeJS.ProcessEnv, data: string | undefined, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await open(env, data);
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

function parse(args: readonly string[], options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function serve(args: readonly string[], env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const { values } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    demo: { type: 'boolean' },
    'cors-origin': { type: 'string', multiple: true },
  });
  const portText = (values['port'] as string | undefined) ?? env['PORT'] ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${portText}".`);
  const corsOrigins = corsOriginsOf(values['cors-origin'] as string[] | undefined, env);
  const log = createLogger(env['HANSEI_LOG'] ?? 'info');
  const db = await open(env, values['data'] as string | undefined);
  const applied = await migrate(db);
  if (applied.length) log.info('migrated', { versions: applied });
  if (values['demo']) await prepareDemo(db, env, values['data'] as string | undefined, out);
  const server = await startServer({
    port,
    host: (values['host'] as string | undefined) ?? env['HOST'] ?? '127.0.0.1',
    version: version(),
    services: { db, now: Date.now },
    log,
    public: publicOptions(env),
    statusPage: await loadStatusPage(`${APPS_DIR}status-page/dist`),
    portalDir: `${APPS_DIR}portal/dist`,
    corsOrigins,
  });
  out(`Hansei is running (${db.kind}):\n  status page  ${server.url}/\n  portal       ${server.url}/portal/\n  API          ${server.url}/v1/openapi.json\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    // Requests in flight get up to 5 s; past 10 s in all, stop anyway.
    setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000).unref();
    void server
      .close(5_000)
      .then(() => db.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('shutdown failed', { error: String(error) });
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return 0;
}

async function token(args: readonly string[], env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parse(rest, { role: { type: 'string' }, name: { type: 'string' }, data: { type: 'string' } });
  const data = values['data'] as string | undefined;
  if (action === 'create') {
    const role = values['role'] as string | undefined;
    const name = ((values['name'] as string | undefined) ?? '').trim();
    if (!role || !(TOKEN_ROLES as readonly string[]).includes(role)) throw new UsageError(`token create needs --role ${TOKEN_ROLES.join('|')}.`);
    if (!name || name.length > 100) throw new UsageError('token create needs --name, 1 to 100 characters (what the token is for).');
    const created = await withDatabase(env, data, (db) => createToken(db, { role: role as TokenRole, name }));
    out(`${created.token}\n`);
    out(`# ${created.record.role} token "${created.record.name}" (${created.record.id}). Shown once: store it now.\n`);
    return 0;
  }
  if (action === 'list') {
    const tokens = await withDatabase(env, data, (db) => listTokens(db));
    for (const t of tokens) out(`${t.id}  ${t.role.padEnd(9)}  ${t.revokedAt ? 'revoked ' : 'active  '}  ${t.name}\n`);
    return 0;
  }
  if (action === 'revoke') {
    const id = positionals[0];
    if (!id) throw new UsageError('token revoke needs the token id (see `hansei token list`).');
    const revoked = await withDatabase(env, data, (db) => revokeToken(db, id));
    if (!revoked) throw new UsageError(`There is no token with id "${id}".`);
    out(`Revoked ${id}.\n`);
    return 0;
  }
  throw new UsageError('token needs an action: create, list or revoke.');
}

/** Runs the CLI with `argv` (without node and script); resolves with the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, out: Out = (t) => process.stdout.write(t), err: Out = (t) => process.stderr.write(t)): Promise<number> {
  const [command = 'help', ...rest] = argv;
  try {
    switch (command) {
      case 'help':
      case '--help':
      case '-h':
        out(USAGE);
        return 0;
      case 'serve':
        return await serve(rest, env, out);
      case 'migrate': {
        const { values } = parse(rest, { data: { type: 'string' } });
        const db = await open(env, values['data'] as string | undefined);
        const applied = await migrate(db).finally(() => db.close());
        out(applied.length ? `Applied migrations ${applied.join(', ')}.\n` : 'The database is up to date.\n');
        return 0;
      }
      case 'seed': {
        const { values } = parse(rest, { data: { type: 'string' }, replace: { type: 'boolean' } });
        try {
          const summary = await withDatabase(env, values['data'] as string | undefined, (db) => seedDemo(db, Date.now(), { replace: values['replace'] === true }));
          out(describeSeed(summary));
        } catch (error) {
          if (error instanceof SeedRefusedError) throw new UsageError(error.message);
          throw error;
        }
        return 0;
      }
      case 'export': {
        const { values, positionals } = parse(rest, { data: { type: 'string' }, url: { type: 'string' }, api: { type: 'string' } });
        const dir = positionals[0];
        if (!dir) throw new UsageError('export needs the folder to write into: hansei export ./public-status');
        const { files } = await withDatabase(env, values['data'] as string | undefined, async (db) =>
          exportSnapshot({ db, now: Date.now }, resolve(dir), {
            statusPage: await loadStatusPage(`${APPS_DIR}status-page/dist`),
            url: values['url'] as string | undefined,
            api: values['api'] as string | undefined,
          }),
        );
        out(`Wrote ${files.length} files to ${resolve(dir)}.\n`);
        return 0;
      }
      case 'token':
        return await token(rest, env, out);
      default:
        throw new UsageError(`unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`hansei ${command}: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = await main(process.argv.slice(2));
  if (code !== 0) process.exit(code);
}
