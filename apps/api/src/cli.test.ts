import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, publicOptions, version } from './cli.js';

/** Runs the CLI capturing what it writes. */
async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, env, (t) => void (stdout += t), (t) => void (stderr += t));
  return { code, stdout, stderr };
}

describe('hansei CLI', () => {
  const data = mkdtempSync(join(tmpdir(), 'hansei-cli-'));
  const env = { HANSEI_DATA_DIR: data };
  after(() => rmSync(data, { recursive: true, force: true }));

  it('prints usage for help and for no command', async () => {
    for (const argv of [['help'], ['--help'], []]) {
      const { code, stdout } = await run(argv);
      assert.equal(code, 0);
      assert.match(stdout, /Usage: hansei <command>/);
    }
  });
  it('rejects an unknown command with exit 2', async () => {
    const { code, stderr } = await run(['frobnicate']);
    assert.equal(code, 2);
    assert.match(stderr, /unknown command "frobnicate"/);
  });
  it('rejects a bad port and unknown options with a message', async () => {
    const bad = await run(['serve', '--port', 'http']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--port must be a whole number/);
    assert.equal((await run(['serve'], { PORT: '70000' })).code, 2);
    const unknown = await run(['serve', '--colour']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--colour/);
    const origin = await run(['serve', '--cors-origin', 'https://admin.example.com/']);
    assert.equal(origin.code, 2);
    assert.match(origin.stderr, /--cors-origin: "https:\/\/admin\.example\.com\/" is not an origin/);
    assert.equal((await run(['serve'], { HANSEI_CORS_ORIGINS: 'admin.example.com' })).code, 2);
  });
  it('migrates the embedded database once', async () => {
    const first = await run(['migrate'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Applied migrations 1/);
    assert.match((await run(['migrate'], env)).stdout, /up to date/);
  });
  it('creates, lists and revokes tokens; the secret is printed once', async () => {
    const created = await run(['token', 'create', '--role', 'responder', '--name', 'on-call laptop'], env);
    assert.equal(created.code, 0, created.stderr);
    const [secret, note] = created.stdout.split('\n');
    assert.match(secret ?? '', /^hsk_[\w-]{43}$/);
    const id = /\((tok_\w+)\)/.exec(note ?? '')?.[1] as string;
    const listed = await run(['token', 'list'], env);
    assert.match(listed.stdout, new RegExp(`${id}\\s+responder\\s+active\\s+on-call laptop`));
    assert.doesNotMatch(listed.stdout, new RegExp(secret as string));
    assert.equal((await run(['token', 'revoke', id], env)).code, 0);
    assert.match((await run(['token', 'list'], env)).stdout, new RegExp(`${id}\\s+responder\\s+revoked`));
    assert.equal((await run(['token', 'revoke', 'tok_missing'], env)).code, 2);
  });
  it('explains token mistakes', async () => {
    assert.match((await run(['token', 'create', '--role', 'root', '--name', 'x'], env)).stderr, /--role viewer\|responder\|admin/);
    assert.match((await run(['token', 'create', '--role', 'admin'], env)).stderr, /needs --name/);
    assert.match((await run(['token', 'revoke'], env)).stderr, /needs the token id/);
    assert.match((await run(['token'], env)).stderr, /create, list or revoke/);
  });
  it('seeds the demo once, then refuses unless told to replace', async () => {
    const seeded = await run(['seed'], env);
    assert.equal(seeded.code, 0, seeded.stderr);
    assert.match(seeded.stdout, /Seeded the demo: 15 components, 27 incidents/);
    const again = await run(['seed'], env);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already has 27 incidents/);
    assert.equal((await run(['seed', '--replace'], env)).code, 0);
  });
  it('exports a static snapshot of the public status', async () => {
    const out = join(data, 'snapshot');
    const exported = await run(['export', out], env);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /Wrote \d+ files/);
    const summary = JSON.parse(readFileSync(join(out, 'api/v2/summary.json'), 'utf8')) as { components: unknown[] };
    assert.ok(summary.components.length > 0);
    assert.match((await run(['export'], env)).stderr, /needs the folder/);
  });
  it('reads the public surface knobs from the environment', () => {
    assert.deepEqual(publicOptions({}), {});
    assert.deepEqual(publicOptions({ HANSEI_RATE_LIMIT: 'off', HANSEI_PUBLIC_CACHE: 'off', HANSEI_TRUST_PROXY: '2' }), { rateLimit: false, cache: { ttlMs: 0 }, trustProxy: 2 });
    assert.deepEqual(publicOptions({ HANSEI_TRUST_PROXY: 'yes' }), {});
    assert.deepEqual(publicOptions({ HANSEI_STREAMS_PER_TOKEN: '8' }), { stream: { limits: { perToken: 8 } } });
    assert.deepEqual(publicOptions({ HANSEI_STREAMS_PER_TOKEN: '0', HANSEI_STREAMS_PER_ADDRESS: '5000' }), { stream: { limits: { perAddress: 5000 } } });
  });
  it('reports the package version', () => {
    assert.match(version(), /^\d+\.\d+\.\d+/);
  });
});
