import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface OpenDatabaseOptions {
  /** A postgres:// URL: use that PostgreSQL server. */
  readonly databaseUrl?: string | undefined;
  /** Without a URL: the PGlite data folder (created if missing); in memory when omitted too. */
  readonly dataDir?: string | undefined;
}

/** PostgreSQL when a URL is given, else embedded PGlite. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}
