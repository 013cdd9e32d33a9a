import type { Database } from './db/database.js';

/** What every route handler is given: the database and the clock. */
export interface Services {
  readonly db: Database;
  /** Epoch milliseconds; tests pass a fixed clock. */
  now(): number;
}
