/**
 * Two real `hansei serve` processes sharing one PostgreSQL: a change written through one reaches
 * the other's event stream and its public documents (LISTEN/NOTIFY), as behind a load balancer.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { migrate } from './db/migrate.js';
import { openPostgres } from './db/postgres.js';
import { createToken } from './http/auth.js';
import { freshPostgresUrl } from './testing/postgres.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

function serve(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/cli.ts', 'serve', '--port', '0'], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: databaseUrl, HANSEI_LOG: 'error', HANSEI_RATE_LIMIT: 'off' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /API\s+(http:\/\/\S+)\/v1\/openapi\.json/.exec(out)?.[1];
      if (url) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`hansei serve exited with ${code}: ${out}`)));
  });
}

/** Reads an event stream until `match` returns true for an event's data, or fails after `ms`. */
async function waitForEvent(url: string, match: (type: string, data: string) => boolean, ready: () => Promise<void>, ms = 15_000): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
    assert.equal(response.status, 200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    await ready();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += decoder.decode(value, { stream: true });
      for (const block of buffer.split('\n\n').slice(0, -1)) {
        const type = /^event: (.*)$/m.exec(block)?.[1] ?? '';
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        if (match(type, data)) return;
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

// HANSEI_SKIP_POSTGRES=1 reports the PostgreSQL suites as skipped (see testing/postgres.ts).
describe('two server processes on one PostgreSQL', { skip: process.env['HANSEI_SKIP_POSTGRES'] === '1' }, () => {
  let a: { url: string; child: ChildProcess };
  let b: { url: string; child: ChildProcess };
  let token: string;

  before(async () => {
    const databaseUrl = await freshPostgresUrl();
    const db = await openPostgres(databaseUrl);
    await migrate(db);
    token = (await createToken(db, { role: 'admin', name: 'two processes' })).token;
    await db.close();
    [a, b] = await Promise.all([serve(databaseUrl), serve(databaseUrl)]);
  });
  after(() => {
    a?.child.kill('SIGTERM');
    b?.child.kill('SIGTERM');
  });

  it('delivers a change written through one to the stream and documents of the other', async () => {
    const before = (await (await fetch(`${b.url}/api/v2/components.json`)).json()) as { components: { name: string }[] };
    assert.equal(before.components.length, 0);
    const name = `Checkout ${process.pid}`;
    await waitForEvent(
      `${b.url}/v1/stream`,
      (type, data) => type === 'component.created' && data.includes(name),
      async () => {
        const created = await fetch(`${a.url}/v1/components`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name }),
        });
        assert.equal(created.status, 201);
      },
    );
    const after = (await (await fetch(`${b.url}/api/v2/components.json`)).json()) as { components: { name: string }[] };
    assert.deepEqual(after.components.map((c) => c.name), [name]);
  });
});
