/**
 * The embedded `Database`: PGlite, PostgreSQL compiled to WASM, in one process.
 *
 * PGlite has a single session and runs one statement at a time. Its `transaction()` holds a lock
 * that plain queries also take, so a `query` made while a transaction runs waits for the commit
 * or rollback instead of running inside it. The flip side: inside `transaction(work)`, `work`
 * must use its `tx` only, since waiting on `db.query` there would wait forever.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite, type ParserOptions, type Transaction } from '@electric-sql/pglite';
import type { Database, Sql } from './database.js';
import { Subscriptions, assertChannel, listenSql } from './notifications.js';
import { OID, TEXT_PARSERS, prepareParams } from './values.js';

const parsers: ParserOptions = {
  ...TEXT_PARSERS,
  // node-postgres returns Buffers; PGlite's default is a plain Uint8Array.
  [OID.bytea]: (text: string) => Buffer.from(text.slice(2), 'hex'),
};

/**
 * Opens PGlite on `dataDir` (created if missing; PGlite initialises an empty folder, which takes
 * a few seconds), or in memory when `dataDir` is omitted or `memory://`. `from` starts a new
 * database from a dump of another (`dumpDataDir`) instead of initialising it: faster.
 */
export async function openPglite(dataDir?: string, from?: Blob): Promise<Database> {
  const inMemory = dataDir === undefined || dataDir.startsWith('memory://');
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create({ ...(inMemory ? {} : { dataDir }), ...(from ? { loadDataDir: from } : {}), parsers });
  // PGlite's session is already UTC; said explicitly so both drivers agree on now()::date and the like.
  await pg.exec(`set time zone 'UTC'`);

  let closed = false;
  const live = () => {
    if (closed) throw new Error('Database is closed');
  };
  const subscriptions = new Subscriptions(async (channel, listen) => {
    if (closed) return;
    await pg.exec(listenSql(channel, listen));
  });
  const stopNotifications = pg.onNotification((channel, payload) => subscriptions.dispatch(channel, payload));

  const runOn =
    (target: Pick<Transaction, 'query'>, isOpen: () => boolean = () => true): Sql['query'] =>
    async <T extends object>(text: string, params?: readonly unknown[]) => {
      live();
      if (!isOpen()) throw new Error('Transaction is closed');
      const result = await target.query<T>(text, prepareParams(params));
      return result.rows;
    };
  const query = runOn(pg);

  return {
    kind: 'pglite',
    query,
    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      live();
      return pg.transaction(async (tx) => work({ query: runOn(tx, () => !tx.closed) }));
    },
    async exec(script: string): Promise<void> {
      live();
      await pg.exec(script);
    },
    async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
      live();
      return subscriptions.add(channel, onPayload);
    },
    async notify(channel: string, payload: string, via?: Sql): Promise<void> {
      live();
      assertChannel(channel);
      await (via ?? { query }).query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      stopNotifications();
      subscriptions.clear();
      await pg.close();
    },
  };
}
