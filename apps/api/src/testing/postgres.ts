/**
 * PostgreSQL for tests: a throwaway cluster (initdb in a temp folder, loopback only, no fsync),
 * and `databasesUnderTest()`, which gives every suite both implementations of `Database`.
 *
 * The binaries come from PG_BIN, else the newest /usr/lib/postgresql/<version>/bin (Debian's
 * `postgresql` package; tests/setup.sh installs it). HANSEI_TEST_DATABASE_URL points the tests at
 * an existing server instead (its user needs CREATEDB). Without either, the PostgreSQL suites
 * fail, saying how to get it, unless HANSEI_SKIP_POSTGRES=1 marks them skipped.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { chown, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import type { Database } from '../db/database.js';
import { openPostgres } from '../db/postgres.js';
import { openTemplatePglite } from './pglite-template.js';

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:<port>/hansei, trust auth. */
  readonly url: string;
  /** Stops the server at once (`pg_ctl stop -m immediate`) and deletes its folder. */
  stop(): Promise<void>;
}

/**
 * The folder holding initdb and pg_ctl: PG_BIN when set (throws if it lacks them), else the newest
 * /usr/lib/postgresql/<version>/bin, else null.
 */
export function findPostgresBin(): string | null {
  const hasTools = (bin: string) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'));
  const fromEnv = process.env['PG_BIN'];
  if (fromEnv) {
    if (!hasTools(fromEnv)) throw new Error(`PG_BIN is ${fromEnv}, which holds no initdb and pg_ctl`);
    return fromEnv;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (hasTools(bin)) return bin;
  }
  return null;
}

interface Owner {
  readonly uid: number;
  readonly gid: number;
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user. */
function clusterOwner(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'postgres');
  if (!entry) {
    throw new Error('running as root, PostgreSQL must run as another user and there is no "postgres" user (the Debian package creates one)');
  }
  return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

/** The environment for PostgreSQL's tools: no PG* variables that could point them elsewhere. */
function toolEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { LC_ALL: 'C', LANG: 'C' };
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('PG') && !key.startsWith('LC_')) env[key] = value;
  return env;
}

function run(file: string, args: readonly string[], owner: Owner | undefined, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, env: toolEnv(), timeout: 120_000, ...owner }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`.trim()));
      else resolve();
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForConnections(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** `url` with its database name replaced. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Cluster {
  readonly bin: string;
  readonly dir: string;
  readonly data: string;
  readonly owner: Owner | undefined;
}

function pgCtlStopArgs(cluster: Cluster): string[] {
  return ['stop', '--pgdata', cluster.data, '--mode', 'immediate', '--wait', '--timeout', '30'];
}

/** Synchronous, for process exit: stop the server if it runs, and delete its folder. */
function destroySync(cluster: Cluster): void {
  if (existsSync(join(cluster.data, 'postmaster.pid'))) {
    try {
      execFileSync(join(cluster.bin, 'pg_ctl'), pgCtlStopArgs(cluster), { cwd: cluster.dir, env: toolEnv(), stdio: 'ignore', ...cluster.owner });
    } catch {
      // Already stopped.
    }
  }
  rmSync(cluster.dir, { recursive: true, force: true });
}

/**
 * Starts a throwaway PostgreSQL: a new cluster in a temp folder, listening on 127.0.0.1 on a free
 * port (its unix socket in that folder), trust auth, durability off, with an empty database
 * `hansei`. Resolves once it accepts connections; null when no PostgreSQL binaries exist.
 */
export async function startPostgres(): Promise<PostgresServer | null> {
  return (await startCluster())?.server ?? null;
}

async function startCluster(): Promise<{ server: PostgresServer; cluster: Cluster } | null> {
  const bin = findPostgresBin();
  if (!bin) return null;
  const owner = clusterOwner();
  const dir = await mkdtemp(join(tmpdir(), 'hansei-pg-'));
  const cluster: Cluster = { bin, dir, data: join(dir, 'data'), owner };
  try {
    if (owner) await chown(dir, owner.uid, owner.gid);
    await run(join(bin, 'initdb'), ['--pgdata', cluster.data, '--username', 'postgres', '--auth', 'trust', '--encoding', 'UTF8', '--locale', 'C', '--no-sync'], owner, dir);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const settings = [
        '-c listen_addresses=127.0.0.1',
        `-c port=${port}`,
        `-c unix_socket_directories=${dir}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ];
      try {
        await run(join(bin, 'pg_ctl'), ['start', '--pgdata', cluster.data, '--log', join(dir, 'postgres.log'), '--wait', '--timeout', '60', '--options', settings.join(' ')], owner, dir);
        break;
      } catch (error) {
        // Another process may have taken the port between the probe and the start.
        if (attempt === 3) throw error;
      }
    }
    const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await waitForConnections(admin);
    await onServer(admin, 'create database hansei');
    let stopped: Promise<void> | undefined;
    const server: PostgresServer = {
      url: withDatabase(admin, 'hansei'),
      stop() {
        stopped ??= (async () => {
          await run(join(bin, 'pg_ctl'), pgCtlStopArgs(cluster), owner, dir).catch(() => undefined);
          destroySync(cluster);
        })();
        return stopped;
      },
    };
    return { server, cluster };
  } catch (error) {
    let log = '';
    try {
      log = readFileSync(join(dir, 'postgres.log'), 'utf8').split('\n').slice(-20).join('\n');
    } catch {
      // No log yet.
    }
    destroySync(cluster);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`could not start a throwaway PostgreSQL from ${bin}: ${message}${log ? `\nserver log:\n${log}` : ''}`, { cause: error });
  }
}

/** A way to open a fresh, empty database of one kind. */
export interface DatabaseUnderTest {
  readonly name: 'pglite' | 'postgres';
  /** A new, empty, isolated database: in-memory PGlite, or a new database on the test server. */
  open(): Promise<Database>;
}

let server: Promise<{ readonly url: string; readonly external: boolean }> | undefined;
let databases = 0;
/** The missing-PostgreSQL banner (and the skipped test) come once per test process. */
let reported = false;

const HOW_TO_GET_POSTGRES =
  'Install it (Debian/Ubuntu: `apt-get install postgresql`, or run `bash tests/setup.sh`), or set PG_BIN to the folder holding its ' +
  'initdb and pg_ctl, or set HANSEI_TEST_DATABASE_URL to a server to use. To skip these tests instead, set HANSEI_SKIP_POSTGRES=1.';

/** Why PostgreSQL cannot be had, or null when it can (as far as can be told without starting it). */
function postgresUnavailable(): string | null {
  if (process.env['HANSEI_TEST_DATABASE_URL']) return null;
  try {
    return findPostgresBin() ? null : 'no PostgreSQL binaries were found (looked for PG_BIN and /usr/lib/postgresql/*/bin)';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The process's test server: HANSEI_TEST_DATABASE_URL, or one cluster started on first use and stopped at exit. */
function testServer(): Promise<{ readonly url: string; readonly external: boolean }> {
  server ??= (async () => {
    const external = process.env['HANSEI_TEST_DATABASE_URL'];
    if (external) return { url: external, external: true };
    let started: Awaited<ReturnType<typeof startCluster>>;
    try {
      started = await startCluster();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`PostgreSQL tests cannot run: ${reason}. ${HOW_TO_GET_POSTGRES}`, { cause: error });
    }
    if (!started) throw new Error(`PostgreSQL tests cannot run: no PostgreSQL binaries were found. ${HOW_TO_GET_POSTGRES}`);
    registerCleanup(started.cluster);
    return { url: started.server.url, external: false };
  })();
  return server;
}

/** Stops the cluster when the test process ends ('exit' handlers must be synchronous). */
function registerCleanup(cluster: Cluster): void {
  process.once('exit', () => destroySync(cluster));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      destroySync(cluster);
      process.kill(process.pid, signal);
    });
  }
}

/** Creates an empty database on the test server (started on first use) and returns its URL. */
export async function freshPostgresUrl(): Promise<string> {
  const { url } = await testServer();
  const name = `test_${process.pid}_${++databases}`;
  await onServer(url, `create database ${name}`);
  return withDatabase(url, name);
}

function postgresUnderTest(): DatabaseUnderTest | undefined {
  const unavailable = postgresUnavailable();
  if (unavailable) {
    const message = `PostgreSQL tests cannot run: ${unavailable}. ${HOW_TO_GET_POSTGRES}`;
    const banner = `\n${'!'.repeat(100)}\n${message}\n${'!'.repeat(100)}\n`;
    const first = !reported;
    reported = true;
    if (process.env['HANSEI_SKIP_POSTGRES'] === '1') {
      if (first) {
        console.warn(`${banner}(skipped: HANSEI_SKIP_POSTGRES=1)\n`);
        test('PostgreSQL suites (skipped: no PostgreSQL, HANSEI_SKIP_POSTGRES=1)', { skip: message }, () => undefined);
      }
      return undefined;
    }
    if (first) console.error(banner);
    return { name: 'postgres', open: () => Promise.reject(new Error(message)) };
  }
  return {
    name: 'postgres',
    async open() {
      const url = await freshPostgresUrl();
      const db = await openPostgres(url);
      const { external } = await testServer();
      if (!external) return db;
      return {
        ...db,
        async close() {
          await db.close();
          await dropFreshDatabase(url);
        },
      };
    },
  };
}

/**
 * Drops a database from `freshPostgresUrl` (close what uses it first). Only needed on a
 * HANSEI_TEST_DATABASE_URL server: the throwaway cluster goes away whole at exit.
 */
export async function dropFreshDatabase(url: string): Promise<void> {
  const { url: serverUrl, external } = await testServer();
  if (!external) return;
  const name = new URL(url).pathname.slice(1);
  if (!/^test_\d+_\d+$/.test(name)) throw new Error(`${name} is not a database from freshPostgresUrl`);
  await onServer(serverUrl, `drop database if exists ${name}`);
}

/**
 * The implementations every storage-backed suite runs against: in-memory PGlite and PostgreSQL
 * (a fresh database per `open()`, on one cluster per test process).
 *
 * ```ts
 * for (const { name, open } of databasesUnderTest()) describe(`things (${name})`, () => { … });
 * ```
 */
export function databasesUnderTest(): DatabaseUnderTest[] {
  const pglite: DatabaseUnderTest = { name: 'pglite', open: () => openTemplatePglite() };
  const postgres = postgresUnderTest();
  return postgres ? [pglite, postgres] : [pglite];
}
