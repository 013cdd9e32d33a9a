import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './open.js';
import { databasesUnderTest, dropFreshDatabase, freshPostgresUrl } from '../testing/postgres.js';

describe('openDatabase', () => {
  const folders: string[] = [];
  after(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it('opens PGlite in a data folder it creates, which keeps the data across reopening', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hansei-open-'));
    folders.push(root);
    const dataDir = join(root, 'nested', 'data');
    const db = await openDatabase({ dataDir });
    assert.equal(db.kind, 'pglite');
    assert.ok(existsSync(dataDir));
    await db.exec(`create table kept (name text); insert into kept values ('still here')`);
    await db.close();
    const reopened = await openDatabase({ dataDir });
    try {
      assert.deepEqual(await reopened.query('select name from kept'), [{ name: 'still here' }]);
    } finally {
      await reopened.close();
    }
  });

  const postgres = databasesUnderTest().some((candidate) => candidate.name === 'postgres');
  it('opens PostgreSQL when given a URL, even with a data folder', { skip: !postgres }, async () => {
    const databaseUrl = await freshPostgresUrl();
    const db = await openDatabase({ databaseUrl, dataDir: '/nonexistent/never-created' });
    try {
      assert.equal(db.kind, 'postgres');
      assert.deepEqual(await db.query('select 1 as one'), [{ one: 1 }]);
    } finally {
      await db.close();
      await dropFreshDatabase(databaseUrl);
    }
    assert.ok(!existsSync('/nonexistent/never-created'));
  });
});
