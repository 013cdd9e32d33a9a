/**
 * The one storage interface the server uses. Two implementations share it and one schema:
 * PGlite (Postgres compiled to WASM, in a data folder: the embedded default) and PostgreSQL
 * (`DATABASE_URL`). Values cross it as plain JSON-friendly types: text, numbers (int8 as
 * number), booleans and parsed jsonb; instants are stored as ISO 8601 UTC text, so both drivers
 * return the same rows.
 */

export interface Sql {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<T extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Calls `onPayload` for every NOTIFY on `channel`, from this process or any other sharing the
   * database. Resolves, once listening, with a function that stops listening.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Sends a NOTIFY (delivered after the surrounding transaction commits, when `sql` is a transaction). */
  notify(channel: string, payload: string, sql?: Sql): Promise<void>;
  close(): Promise<void>;
}
