import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { main, version } from './cli.js';

/** Runs the CLI capturing what it writes. */
async function capture(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = (chunk: string) => ((stdout += chunk), true);
  process.stderr.write = (chunk: string) => ((stderr += chunk), true);
  try {
    return { code: await main(argv, env), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('hansei CLI', () => {
  it('prints usage for help and for no command', async () => {
    for (const argv of [['help'], ['--help'], []]) {
      const { code, stdout } = await capture(argv);
      assert.equal(code, 0);
      assert.match(stdout, /Usage: hansei <command>/);
    }
  });
  it('rejects an unknown command with exit 2', async () => {
    const { code, stderr } = await capture(['frobnicate']);
    assert.equal(code, 2);
    assert.match(stderr, /unknown command "frobnicate"/);
  });
  it('rejects a bad port and unknown options with a message', async () => {
    const bad = await capture(['serve', '--port', 'http']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--port must be a whole number/);
    const big = await capture(['serve'], { PORT: '70000' });
    assert.equal(big.code, 2);
    const unknown = await capture(['serve', '--colour']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--colour/);
  });
  it('reports the package version', () => {
    assert.match(version(), /^\d+\.\d+\.\d+/);
  });
});
