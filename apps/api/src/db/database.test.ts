import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database, Sql } from './database.js';
import { openPostgres } from './postgres.js';
import { databasesUnderTest, dropFreshDatabase, freshPostgresUrl } from '../testing/postgres.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check()` holds, failing after `ms`. */
async function eventually(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(5);
  }
}

/** A listener callback that records payloads. */
function recorder() {
  const payloads: string[] = [];
  return { payloads, onPayload: (payload: string) => void payloads.push(payload) };
}

/** A promise and the function that resolves it. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

for (const { name, open } of databasesUnderTest()) {
  describe(`Database (${name})`, { timeout: 60_000 }, () => {
    let db: Database;
    before(async () => {
      db = await open();
    });
    after(() => db?.close());

    const names = async (table: string, via: Sql = db) =>
      (await via.query<{ name: string }>(`select name from ${table} order by name`)).map((row) => row.name);

    it('says which implementation it is', () => {
      assert.equal(db.kind, name);
    });

    it('runs statements with $n parameters and returns rows', async () => {
      await db.query('create table things (id int8 primary key, name text not null, tags jsonb)');
      assert.deepEqual(await db.query('insert into things values ($1, $2, $3) returning id', [1, 'first', JSON.stringify(['a'])]), [{ id: 1 }]);
      await db.query('insert into things values ($1, $2, $3)', [2, 'second', { nested: { deep: true } }]);
      await db.query('insert into things (id, name) values ($1, $2)', [3, "it's \"quoted\" ✓"]);
      assert.deepEqual(await db.query('select id, name, tags from things where id >= $1 order by id', [2]), [
        { id: 2, name: 'second', tags: { nested: { deep: true } } },
        { id: 3, name: "it's \"quoted\" ✓", tags: null },
      ]);
      assert.deepEqual(await db.query('select count(*) as n from things'), [{ n: 3 }]);
      assert.deepEqual(await db.query('select 1 as one where false'), []);
    });

    it('returns the same JavaScript values on both drivers', async () => {
      const [row] = await db.query(`
        select 9007199254740991::int8 as big, 42::int4 as int, 1.5::float8 as float, 12.25::numeric as numeric,
               '{"a": [1, null, "x"], "b": {"c": true}}'::jsonb as doc, '[1, 2]'::json as json,
               'text' as text, null::text as nothing, true as yes, false as no,
               '2026-11-25T09:00:00.123456Z'::timestamptz as at, '2026-11-25 09:00:00'::timestamp as local_at,
               '2026-11-25'::date as day, 'infinity'::timestamptz as forever, '1 day 02:00:00'::interval as span,
               array[1, 2]::int8[] as bigs, array['x', null]::text[] as texts, '\\x0aff'::bytea as bytes,
               $1::text as param_text, $2::int8 as param_big, $3::jsonb as param_doc, $4::text as param_date, $5::text as param_null`,
        ['p', 7, { k: 'v' }, new Date('2026-01-02T03:04:05.006Z'), undefined],
      );
      assert.deepEqual(row, {
        big: 9007199254740991,
        int: 42,
        float: 1.5,
        numeric: 12.25,
        doc: { a: [1, null, 'x'], b: { c: true } },
        json: [1, 2],
        text: 'text',
        nothing: null,
        yes: true,
        no: false,
        at: '2026-11-25T09:00:00.123Z',
        local_at: '2026-11-25T09:00:00.000Z',
        day: '2026-11-25',
        forever: 'infinity',
        span: '1 day 02:00:00',
        bigs: [1, 2],
        texts: ['x', null],
        bytes: Buffer.from([0x0a, 0xff]),
        param_text: 'p',
        param_big: 7,
        param_doc: { k: 'v' },
        param_date: '2026-01-02T03:04:05.006Z',
        param_null: null,
      });
      assert.deepEqual(await db.query(`select current_setting('TimeZone') as tz`), [{ tz: 'UTC' }]);
    });

    it('rejects with PostgreSQL errors that carry the SQLSTATE code', async () => {
      await db.query('create table uniques (id text primary key)');
      await db.query(`insert into uniques values ('a')`);
      await assert.rejects(db.query('insert into uniques values ($1)', ['a']), (error: { code?: string }) => error.code === '23505');
      await assert.rejects(db.query('select * from no_such_table'), (error: { code?: string }) => error.code === '42P01');
    });

    it('runs one statement per query, so parameters never meet a second statement', async () => {
      await assert.rejects(db.query('select 1; select 2'), /cannot insert multiple commands/);
    });

    it('commits a transaction when its work resolves, and returns what the work returned', async () => {
      await db.query('create table committed (name text)');
      const result = await db.transaction(async (tx) => {
        await tx.query('insert into committed values ($1)', ['a']);
        await tx.query('insert into committed values ($1)', ['b']);
        return (await names('committed', tx)).length;
      });
      assert.equal(result, 2);
      assert.deepEqual(await names('committed'), ['a', 'b']);
    });

    it('rolls everything back when the work throws, and rethrows its error', async () => {
      await db.query('create table rolled (name text)');
      const failure = new Error('changed my mind');
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('insert into rolled values ($1)', ['a']);
          await tx.query('insert into rolled values ($1)', ['b']);
          throw failure;
        }),
        (error) => error === failure,
      );
      assert.deepEqual(await names('rolled'), []);
    });

    it('fails the commit of a transaction that a failed statement aborted', async () => {
      await db.query('create table aborted (name text)');
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('insert into aborted values ($1)', ['a']);
          await tx.query('select 1 / 0').catch(() => undefined);
        }),
        /rolled back instead of committed/,
      );
      assert.deepEqual(await names('aborted'), []);
    });

    it('refuses a transaction handle once the transaction is over', async () => {
      let kept: Sql | undefined;
      await db.transaction(async (tx) => {
        kept = tx;
        await tx.query('select 1');
      });
      await assert.rejects(kept!.query('select 1'), /Transaction is closed/);
    });

    it('keeps queries made while a transaction runs out of that transaction', async (t) => {
      await db.query('create table isolation (name text)');
      const order: string[] = [];
      const inside = signal();
      const finish = signal();
      const transaction = db.transaction(async (tx) => {
        await tx.query(`insert into isolation values ('in the transaction')`);
        inside.resolve();
        await finish.promise;
        order.push('transaction over');
        throw new Error('roll it back');
      });
      await inside.promise;
      const outside = Promise.all([
        db.query(`insert into isolation values ('outside')`).then(() => names('isolation')),
        ...Array.from({ length: 5 }, (_, i) => db.query('select $1::int as i', [i])),
      ]).then(([seen]) => {
        order.push('outside done');
        return seen;
      });
      // Should an assertion fail, end the transaction anyway so close() does not wait on it.
      t.after(() => finish.resolve());
      if (name === 'pglite') {
        // One session: the outside statements wait for the transaction, then run on their own.
        await sleep(50);
        assert.deepEqual(order, []);
        finish.resolve();
        await assert.rejects(transaction, /roll it back/);
        assert.deepEqual(await outside, ['outside']);
        assert.deepEqual(order, ['transaction over', 'outside done']);
      } else {
        // Other pooled connections: they run at once and never see the uncommitted row.
        assert.deepEqual(await outside, ['outside']);
        finish.resolve();
        await assert.rejects(transaction, /roll it back/);
        assert.deepEqual(order, ['outside done', 'transaction over']);
      }
      assert.deepEqual(await names('isolation'), ['outside']);
    });

    it('lets a query made during a transaction see its rows only once committed', async (t) => {
      await db.query('create table later (name text)');
      const inside = signal();
      const finish = signal();
      const transaction = db.transaction(async (tx) => {
        await tx.query(`insert into later values ('x')`);
        inside.resolve();
        await finish.promise;
      });
      await inside.promise;
      t.after(() => finish.resolve());
      const during = db.query<{ n: number }>('select count(*) as n from later');
      if (name === 'pglite') {
        // It waits for the commit (awaiting it first would deadlock).
        finish.resolve();
        await transaction;
        assert.deepEqual(await during, [{ n: 1 }]);
      } else {
        assert.deepEqual(await during, [{ n: 0 }]);
        finish.resolve();
        await transaction;
      }
      assert.deepEqual(await db.query('select count(*) as n from later'), [{ n: 1 }]);
    });

    it('runs a script of several statements with exec, all or nothing', async () => {
      await db.exec(`
        create table scripted (name text not null);
        insert into scripted values ('a');
        insert into scripted values ('b');
      `);
      assert.deepEqual(await names('scripted'), ['a', 'b']);
      await assert.rejects(db.exec(`insert into scripted values ('c'); insert into scripted values (null);`), /null value/);
      assert.deepEqual(await names('scripted'), ['a', 'b']);
    });

    it('delivers notifications to every listener on the channel, and only on it', async () => {
      const first = recorder();
      const second = recorder();
      const elsewhere = recorder();
      const stops = [await db.listen('news', first.onPayload), await db.listen('news', second.onPayload), await db.listen('other', elsewhere.onPayload)];
      await db.notify('news', 'hello');
      await db.notify('news', "it's \"quoted\" ✓");
      await eventually(() => first.payloads.length === 2 && second.payloads.length === 2, 'two notifications');
      assert.deepEqual(first.payloads, ['hello', "it's \"quoted\" ✓"]);
      assert.deepEqual(second.payloads, first.payloads);
      assert.deepEqual(elsewhere.payloads, []);
      for (const stop of stops) await stop();
    });

    it('delivers a notification sent in a transaction only once it commits', async () => {
      const heard = recorder();
      const stop = await db.listen('committed_news', heard.onPayload);
      await db.transaction(async (tx) => {
        await db.notify('committed_news', 'from the transaction', tx);
        await sleep(100);
        assert.deepEqual(heard.payloads, [], 'nothing before the commit');
      });
      await eventually(() => heard.payloads.length === 1, 'the committed notification');
      assert.deepEqual(heard.payloads, ['from the transaction']);
      await stop();
    });

    it('never delivers a notification sent in a transaction that rolls back', async () => {
      const heard = recorder();
      const stop = await db.listen('rolled_news', heard.onPayload);
      await assert.rejects(
        db.transaction(async (tx) => {
          await db.notify('rolled_news', 'never', tx);
          throw new Error('roll back');
        }),
        /roll back/,
      );
      await db.notify('rolled_news', 'marker');
      await eventually(() => heard.payloads.includes('marker'), 'the marker');
      assert.deepEqual(heard.payloads, ['marker']);
      await stop();
    });

    it('stops delivering to a listener once it unlistens', async () => {
      const kept = recorder();
      const dropped = recorder();
      const stopKept = await db.listen('unlisten_news', kept.onPayload);
      const stopDropped = await db.listen('unlisten_news', dropped.onPayload);
      await db.notify('unlisten_news', 'one');
      await eventually(() => dropped.payloads.length === 1 && kept.payloads.length === 1, 'the first notification');
      await stopDropped();
      await stopDropped();
      await db.notify('unlisten_news', 'two');
      await eventually(() => kept.payloads.length === 2, 'the second notification');
      await stopKept();
      await db.notify('unlisten_news', 'three');
      // Listen again on another channel and wait for that: 'three', had it come, would be there by then.
      const marker = recorder();
      const stopMarker = await db.listen('unlisten_marker', marker.onPayload);
      await db.notify('unlisten_marker', 'marker');
      await eventually(() => marker.payloads.length === 1, 'the marker');
      assert.deepEqual(dropped.payloads, ['one']);
      assert.deepEqual(kept.payloads, ['one', 'two']);
      await stopMarker();
    });

    it('keeps delivering to other listeners when one throws', async () => {
      const heard = recorder();
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void errors.push(args);
      try {
        const stops = [
          await db.listen('throwing', () => {
            throw new Error('listener bug');
          }),
          await db.listen('throwing', heard.onPayload),
        ];
        await db.notify('throwing', 'still delivered');
        await eventually(() => heard.payloads.length === 1, 'the notification');
        assert.equal(errors.length, 1);
        for (const stop of stops) await stop();
      } finally {
        console.error = original;
      }
      assert.deepEqual(await db.query('select 1 as ok'), [{ ok: 1 }]);
    });

    it('accepts only lowercase identifier channel names, even reserved words', async () => {
      for (const bad of ['', 'News', 'with space', '1st', 'a-b', 'x"; drop table things; --', 'a'.repeat(64)]) {
        await assert.rejects(db.listen(bad, () => undefined), TypeError, bad);
        await assert.rejects(db.notify(bad, 'x'), TypeError, bad);
      }
      const heard = recorder();
      const stop = await db.listen('select', heard.onPayload);
      const longest = await db.listen('_'.repeat(63), heard.onPayload);
      await db.notify('select', 'reserved word');
      await db.notify('_'.repeat(63), 'longest');
      await eventually(() => heard.payloads.length === 2, 'both notifications');
      await stop();
      await longest();
    });

    it('closes, after which it refuses work', async () => {
      const stop = await db.listen('closing', () => undefined);
      await db.close();
      await db.close();
      await stop();
      await assert.rejects(db.query('select 1'), /closed/);
      await assert.rejects(db.transaction(() => Promise.resolve()), /closed/);
      await assert.rejects(db.exec('select 1'), /closed/);
      await assert.rejects(db.listen('closed', () => undefined), /closed/);
      await assert.rejects(db.notify('closed', 'x'), /closed/);
    });
  });
}

describe('Database (postgres, several connections)', { timeout: 60_000 }, () => {
  const postgres = databasesUnderTest().find((candidate) => candidate.name === 'postgres');
  let url: string;
  let first: Database;
  let second: Database;
  before(async () => {
    if (!postgres) return;
    url = await freshPostgresUrl();
    first = await openPostgres(url);
    second = await openPostgres(url, { max: 2 });
  });
  after(async () => {
    await first?.close();
    await second?.close();
    if (url) await dropFreshDatabase(url);
  });

  it('hears notifications sent from another connection pool (as from another process)', { skip: !postgres }, async () => {
    const onFirst = recorder();
    const onSecond = recorder();
    const stops = [await first.listen('shared', onFirst.onPayload), await second.listen('shared', onSecond.onPayload)];
    await second.notify('shared', 'from the second');
    await first.transaction((tx) => first.notify('shared', 'from the first', tx));
    await eventually(() => onFirst.payloads.length === 2 && onSecond.payloads.length === 2, 'both notifications on both');
    assert.deepEqual(onFirst.payloads, ['from the second', 'from the first']);
    assert.deepEqual(onSecond.payloads, ['from the second', 'from the first']);
    for (const stop of stops) await stop();
  });

  it('listens again after its connection is killed, and hears later notifications', { skip: !postgres }, async () => {
    const heard = recorder();
    const stop = await first.listen('survivor', heard.onPayload);
    const listeners = () =>
      second.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database() and application_name = 'hansei:listen'`);
    const before = (await listeners()).map((row) => row.pid);
    assert.ok(before.length > 0);
    const killed = await second.query<{ killed: boolean }>('select pg_terminate_backend(pid) as killed from unnest($1::int[]) as pid', [`{${before.join(',')}}`]);
    assert.ok(killed.every((row) => row.killed));
    // Keep notifying until one arrives: those sent before the listener is back are lost.
    let sent = 0;
    const deadline = Date.now() + 10_000;
    while (heard.payloads.length === 0) {
      assert.ok(Date.now() < deadline, 'no notification arrived within 10 s of killing the listener');
      await second.notify('survivor', `after ${++sent}`);
      await sleep(20);
    }
    const after = (await listeners()).map((row) => row.pid);
    assert.ok(after.some((pid) => !before.includes(pid)), 'a new listening backend');
    await second.notify('survivor', 'last');
    await eventually(() => heard.payloads.includes('last'), 'the last notification');
    await stop();
  });

  it('fails to open when the server cannot be reached', async () => {
    await assert.rejects(openPostgres('postgres://postgres@127.0.0.1:1/nothing'), /ECONNREFUSED/);
  });
});
