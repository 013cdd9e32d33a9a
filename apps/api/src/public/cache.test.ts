import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { EVENTS_CHANNEL, publish } from '../store/events.js';
import { databasesUnderTest } from '../testing/postgres.js';
import { publishEvent } from '../testing/public.js';
import { DocumentCache, rendered, type Rendered } from './cache.js';

async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

for (const { name, open } of databasesUnderTest()) {
  describe(`DocumentCache (${name})`, () => {
    let db: Database;
    let now = 0;
    let cache: DocumentCache;
    let renders = 0;
    const render = () => {
      renders++;
      return Promise.resolve(rendered(`body ${renders}`));
    };
    before(async () => {
      db = await open();
      await migrate(db);
      cache = new DocumentCache(db, { ttlMs: 1_000, clock: () => now });
      await cache.ready;
    });
    after(async () => {
      await cache?.close();
      await db?.close();
    });

    it('renders once, then serves from memory; concurrent misses share one render', async () => {
      renders = 0;
      const [a, b] = await Promise.all([cache.get('k', render), cache.get('k', render)]);
      assert.equal(renders, 1);
      assert.equal(a, b);
      assert.equal(cache.peek('k'), a);
      assert.equal(await cache.get('k', render), a);
      assert.equal(renders, 1);
      assert.match(a.etag, /^"[\w-]{22}"$/);
    });

    it('forgets entries after the TTL', async () => {
      const first = await cache.get('ttl', render);
      now += 999;
      assert.equal(cache.peek('ttl'), first);
      now += 1;
      assert.equal(cache.peek('ttl'), undefined);
      assert.notEqual(await cache.get('ttl', render), first);
    });

    it('forgets everything on a NOTIFY from any process, and does not keep a render that a change overtook', async () => {
      const first = await cache.get('n', render);
      await db.notify(EVENTS_CHANNEL, '424242');
      await eventually(() => cache.peek('n') === undefined, 'the notification');
      let release: () => void = () => undefined;
      const slow = cache.get('n', () => new Promise<Rendered>((resolve) => (release = () => resolve(rendered('stale')))));
      await cache.get('marker', render);
      await db.notify(EVENTS_CHANNEL, '424243');
      await eventually(() => cache.peek('marker') === undefined, 'the second notification');
      release();
      assert.equal((await slow).body, 'stale', 'its callers still get an answer');
      assert.equal(cache.peek('n'), undefined, 'but it is not kept');
      assert.notEqual(await cache.get('n', render), first);
    });

    it("empties at once on this process's own publish, and keeps nothing until its NOTIFY arrives", async () => {
      await cache.get('own', render);
      await assert.rejects(
        db.transaction(async (tx) => {
          await publish(db, tx, 'public', 'test.rolled-back', {}, now);
          assert.equal(cache.peek('own'), undefined, 'emptied before the commit');
          throw new Error('roll back');
        }),
        /roll back/,
      );
      await cache.get('own', render);
      assert.equal(cache.peek('own'), undefined, 'not kept: the write may still commit');
      now += 5_000;
      await cache.get('own', render);
      assert.ok(cache.peek('own'), 'a rolled-back write is not waited for forever');
      await publishEvent(db, 'internal', 'test.committed');
      await eventually(() => {
        void cache.get('own2', render);
        return cache.peek('own2') !== undefined;
      }, 'caching to resume once the NOTIFY arrives');
    });

    it('keeps nothing once closed', async () => {
      const closing = new DocumentCache(db, { clock: () => now });
      await closing.ready;
      await closing.get('x', render);
      assert.ok(closing.peek('x'));
      await closing.close();
      assert.equal(closing.peek('x'), undefined);
      await closing.get('x', render);
      assert.equal(closing.peek('x'), undefined);
    });
  });
}
