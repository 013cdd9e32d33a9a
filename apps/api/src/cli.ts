#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TOKEN_ROLES, type TokenRole } from '@hansei/core';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { createToken, listTokens, revokeToken } from './http/auth.js';
import { createLogger } from './log.js';
import { startServer } from './server.js';

const USAGE = `Usage: hansei <command> [options]

Commands:
  serve                 Run the API, the status page at / and the portal at /portal/
  migrate               Apply database migrations
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
Options for token create:
  --role <role>       viewer | responder | admin (required)
  --name <text>       What the token is for (required)
`;

class UsageError extends Error {}

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

type Out = (text: string) => void;

async function withDatabase<T>(env: NodeJS.ProcessEnv, data: string | undefined, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ databaseUrl: env['DATABASE_URL'] || undefined, dataDir: resolve(data ?? env['HANSEI_DATA_DIR'] ?? '.hansei-data') });
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

function parse(args: readonly string[], options: Record<string, { type: 'string' | 'boolean' }>) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function serve(args: readonly string[], env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' } });
  const portText = (values['port'] as string | undefined) ?? env['PORT'] ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${portText}".`);
  const log = createLogger(env['HANSEI_LOG'] ?? 'info');
  const db = await openDatabase({ databaseUrl: env['DATABASE_URL'] || undefined, dataDir: resolve((values['data'] as string | undefined) ?? env['HANSEI_DATA_DIR'] ?? '.hansei-data') });
  const applied = await migrate(db);
  if (applied.length) log.info('migrated', { versions: applied });
  const appsDir = fileURLToPath(new URL('../../', import.meta.url));
  const server = await startServer({
    port,
    host: (values['host'] as string | undefined) ?? env['HOST'] ?? '127.0.0.1',
    version: version(),
    services: { db, now: Date.now },
    log,
    statusPageDir: `${appsDir}status-page/dist`,
    portalDir: `${appsDir}portal/dist`,
  });
  out(`Hansei is running (${db.kind}):\n  status page  ${server.url}/\n  portal       ${server.url}/portal/\n  API          ${server.url}/v1/openapi.json\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    void server
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
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
        const applied = await withDatabase(env, values['data'] as string | undefined, (db) => migrate(db));
        out(applied.length ? `Applied migrations ${applied.join(', ')}.\n` : 'The database is up to date.\n');
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
