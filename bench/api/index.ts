// Load on loopback against a real `hansei serve --demo`, on PGlite and on PostgreSQL:
//   pnpm bench:api                     (BENCH_SECONDS=10 BENCH_CONNECTIONS=50 by default)
//
// The server runs in its own process (one core), autocannon in this one (the other core).
// Prints requests per second and p50 / p99 latency for:
//   - the public summary (/api/v2/summary.json), warm cache;
//   - the same, forced miss (the server's public cache turned off: every request renders);
//   - an authenticated incident list (/v1/incidents?limit=50, admin token).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startPostgres } from '../../apps/api/src/testing/postgres.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);

interface Figures {
  readonly name: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
}

/** Starts `hansei serve --demo` and resolves with its base URL once it listens. */
function serve(env: NodeJS.ProcessEnv): Promise<{ url: string; token: string | null; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'apps/api/src/cli.ts', 'serve', '--demo', '--port', '0'], {
      cwd: root,
      env: { ...process.env, HANSEI_LOG: 'error', HANSEI_RATE_LIMIT: 'off', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /API\s+(http:\/\/\S+)\/v1\/openapi\.json/.exec(out)?.[1];
      // The token line comes before the URL, when there is one (a seeded PostgreSQL shows it once).
      const token = /Admin token for the portal[^:]*: (hsk_\S+)/.exec(out)?.[1] ?? null;
      if (url) resolve({ url, token, child });
    });
    child.once('exit', (code) => reject(new Error(`hansei serve exited with ${code}:\n${out}`)));
  });
}

async function load(name: string, options: autocannon.Options): Promise<Figures> {
  console.error(`bench/api: ${name}...`);
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

/** Stops a server and waits for it to exit (PGlite's folder is then free for the next one). */
function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function measure(database: string, env: NodeJS.ProcessEnv): Promise<Figures[]> {
  const figures: Figures[] = [];
  const warm = await serve(env);
  try {
    const summary = `${warm.url}/api/v2/summary.json`;
    await load('warm-up', { url: summary, duration: 2 });
    figures.push(await load(`${database}: summary.json, warm cache`, { url: summary }));
    if (!warm.token) throw new Error('hansei serve --demo printed no admin token');
    figures.push(await load(`${database}: /v1/incidents?limit=50, admin`, { url: `${warm.url}/v1/incidents?limit=50`, headers: { authorization: `Bearer ${warm.token}` } }));
  } finally {
    await stop(warm.child);
  }
  const cold = await serve({ ...env, HANSEI_PUBLIC_CACHE: 'off' });
  try {
    figures.push(await load(`${database}: summary.json, forced miss`, { url: `${cold.url}/api/v2/summary.json` }));
  } finally {
    await stop(cold.child);
  }
  return figures;
}

const data = mkdtempSync(join(tmpdir(), 'hansei-bench-'));
const figures: Figures[] = [];
try {
  figures.push(...(await measure('PGlite', { HANSEI_DATA_DIR: data })));
  const pg = await startPostgres();
  if (pg) {
    try {
      figures.push(...(await measure('PostgreSQL', { DATABASE_URL: pg.url })));
    } finally {
      await pg.stop();
    }
  } else {
    console.log('PostgreSQL: not installed here; skipped (apt-get install postgresql).');
  }
} finally {
  rmSync(data, { recursive: true, force: true });
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`bench/api: ${CONNECTIONS} connections, ${SECONDS} s per case, loopback`);
console.log(`machine: ${cpu}, ${cpus().length} cores, Node ${process.version}, server and load generator in separate processes`);
for (const f of figures) {
  console.log(`  ${f.name.padEnd(46)} ${Math.round(f.rps).toString().padStart(7)} req/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(4)} ms${f.errors || f.non2xx ? `  (${f.errors} errors, ${f.non2xx} non-2xx)` : ''}`);
}
