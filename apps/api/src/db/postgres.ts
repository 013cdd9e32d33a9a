/**
 * The PostgreSQL `Database`: a node-postgres pool for statements and transactions, plus one
 * dedicated connection shared by every `listen` (LISTEN needs a session of its own that stays
 * open). That connection is opened on the first `listen`; when it drops (server restart, a killed
 * backend, a network cut) it is reopened with backoff and LISTENs again on every channel that
 * still has callbacks. Notifications sent while it is down are lost, as with any LISTEN.
 */
import pg from 'pg';
import type { Database, Sql } from './database.js';
import { Subscriptions, assertChannel, listenSql } from './notifications.js';
import { ARRAY_OF, TEXT_PARSERS, prepareParams, type TextParser } from './values.js';

export interface PostgresOptions {
  /** Pool size (default 10). */
  readonly max?: number;
}

type TypeId = Parameters<typeof pg.types.getTypeParser>[0];
type TypeFormat = Parameters<typeof pg.types.getTypeParser>[1];

/** The text parsers of values.ts, and arrays of them; node-postgres's defaults for everything else. */
const parseArray = pg.types.getTypeParser(1009 as TypeId) as (text: string) => unknown[];
const mapArray = (items: unknown[], parse: TextParser): unknown[] =>
  items.map((item) => (Array.isArray(item) ? mapArray(item, parse) : typeof item === 'string' ? parse(item) : item));
const overrides = new Map<number, TextParser>(Object.entries(TEXT_PARSERS).map(([oid, parse]) => [Number(oid), parse]));
for (const [arrayOid, elementOid] of Object.entries(ARRAY_OF)) {
  const parse = TEXT_PARSERS[elementOid];
  if (parse) overrides.set(Number(arrayOid), (text) => mapArray(parseArray(text), parse));
}
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: TypeId, format?: TypeFormat) =>
    (format === undefined || format === 'text' ? overrides.get(oid) : undefined) ??
    (pg.types.getTypeParser(oid, format) as TextParser)) as typeof pg.types.getTypeParser,
};

/** node-postgres only sends several statements in one query through the simple protocol; never here. */
const extended = (text: string, params: readonly unknown[] | undefined): pg.QueryConfig =>
  ({ text, values: prepareParams(params), queryMode: 'extended' }) as pg.QueryConfig;

const closedError = () => new Error('Database is closed');

/** Opens a pool on `url` (a postgres:// connection string) and checks that it connects. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const config: pg.ClientConfig = { connectionString: url, types };
  const pool = new pg.Pool({
    ...config,
    application_name: 'hansei',
    max: options.max ?? 10,
    // Every session in UTC, as PGlite's is, so now()::date and timestamp casts agree. pg-pool
    // awaits what onConnect returns, though its type says void.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    onConnect: async (client) => {
      await client.query(`set time zone 'UTC'`);
    },
  });
  // An idle pooled connection that breaks is dropped by the pool; the next query opens another.
  pool.on('error', () => undefined);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  let closed = false;
  const live = () => {
    if (closed) throw closedError();
  };
  const listener = new Listener({ ...config, application_name: 'hansei:listen' });

  const query = async <T extends object>(text: string, params?: readonly unknown[]): Promise<T[]> => {
    live();
    const result = await pool.query<T & pg.QueryResultRow>(extended(text, params));
    return result.rows;
  };

  return {
    kind: 'postgres',
    query,
    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      live();
      const client = await pool.connect();
      let open = true;
      const tx: Sql = {
        query: async <R extends object>(text: string, params?: readonly unknown[]): Promise<R[]> => {
          live();
          if (!open) throw new Error('Transaction is closed');
          const result = await client.query<R & pg.QueryResultRow>(extended(text, params));
          return result.rows;
        },
      };
      try {
        await client.query('BEGIN');
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      let result: T;
      try {
        result = await work(tx);
      } catch (error) {
        open = false;
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch (rollbackError) {
          client.release(rollbackError as Error);
        }
        throw error;
      }
      open = false;
      let committed: pg.QueryResult;
      try {
        committed = await client.query('COMMIT');
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      client.release();
      // COMMIT of a transaction a failed statement aborted answers ROLLBACK, not an error.
      if (committed.command === 'ROLLBACK') throw new Error('Transaction was rolled back instead of committed');
      return result;
    },
    async exec(script: string): Promise<void> {
      live();
      await pool.query(script);
    },
    async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
      live();
      return listener.subscriptions.add(channel, onPayload);
    },
    async notify(channel: string, payload: string, via?: Sql): Promise<void> {
      live();
      assertChannel(channel);
      await (via ?? { query }).query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await listener.close();
      await pool.end();
    },
  };
}

/** Reconnection delays: at once, then doubling from 100 ms up to 5 s, with jitter. */
const backoff = (attempt: number) => (attempt === 0 ? 0 : Math.min(5000, 100 * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2));

/** Errors that mean the connection is gone, as opposed to an error in a statement. */
const isConnectionError = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code !== 'string' || code.startsWith('08') || code.startsWith('57P');
};

/** The one LISTEN connection and its reconnection. */
class Listener {
  readonly subscriptions = new Subscriptions((channel, listen) => this.#apply(channel, listen));
  readonly #config: pg.ClientConfig;
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  #closed = false;
  #wake: (() => void) | undefined;

  constructor(config: pg.ClientConfig) {
    this.#config = config;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.subscriptions.clear();
    this.#wake?.();
    await this.#connecting?.catch(() => undefined);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  async #apply(channel: string, listen: boolean): Promise<void> {
    for (;;) {
      if (this.#closed) return;
      const client = await this.#connected(3);
      try {
        await client.query(listenSql(channel, listen));
        return;
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        // The connection went: the next one LISTENs on every subscribed channel when it opens.
        this.#lost(client);
      }
    }
  }

  /** The open connection, or one being opened (giving up after `attempts` when none is under way). */
  #connected(attempts: number): Promise<pg.Client> {
    if (this.#closed) return Promise.reject(closedError());
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= this.#connect(attempts).finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  async #connect(attempts: number): Promise<pg.Client> {
    for (let attempt = 0; ; attempt++) {
      await this.#sleep(backoff(attempt));
      if (this.#closed) throw closedError();
      const client = new pg.Client(this.#config);
      client.on('error', () => this.#lost(client));
      client.on('end', () => this.#lost(client));
      client.on('notification', (message) => this.subscriptions.dispatch(message.channel, message.payload ?? ''));
      try {
        await client.connect();
        for (const channel of this.subscriptions.channels()) await client.query(listenSql(channel, true));
        if (this.#closed) throw closedError();
        this.#client = client;
        return client;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (this.#closed || attempt + 1 >= attempts) throw error;
      }
    }
  }

  /** Forgets a broken connection and, while anyone listens, opens another, retrying until close. */
  #lost(client: pg.Client): void {
    if (client !== this.#client) return;
    this.#client = undefined;
    client.end().catch(() => undefined);
    this.#reconnect();
  }

  #reconnect(): void {
    if (this.#closed || this.subscriptions.channels().length === 0) return;
    // Joins a connection attempt under way; if that one gives up, starts one that does not.
    this.#connected(Infinity).catch(() => this.#reconnect());
  }

  /** Waits `ms`, or less if the listener closes meanwhile. */
  #sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.#wake = wake;
    });
  }
}
