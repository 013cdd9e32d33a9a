import type { Database } from './database.js';
import { MIGRATIONS, type Migration } from './migrations.js';

/** Any fixed number: the advisory lock that keeps two starting processes from migrating at once. */
const MIGRATION_LOCK = 727_2026;

/**
 * Applies the migrations the database has not seen, in order, each in its own transaction, and
 * returns the versions applied. Safe to run from several processes at once.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.exec(`create table if not exists schema_migrations (version integer primary key, name text not null, applied_at text not null)`);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const seen = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (seen.length > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name, applied_at) values ($1, $2, $3)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/** The statements of a script with no string literals or bodies containing `;` (our migrations). */
export function splitStatements(script: string): string[] {
  return script
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
