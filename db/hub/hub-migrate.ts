/**
 * The hub's migrations: the workstation's discipline (numbered files, checksums recorded once
 * applied, an edited or unknown migration stops the hub), with one folder per dialect
 * (`db/hub-migrations/sqlite`, `db/hub-migrations/postgres`) numbered in step.
 */
import { join } from 'node:path';
import { checkLedger, LEDGER_SQL, loadMigrationsSync, type Migration } from '../migrate';
import type { HubDialect, HubSql, HubSqlExecutor } from './hub-sql';

export const HUB_MIGRATIONS_DIR = join('db', 'hub-migrations');

export function loadHubMigrationsSync(appRoot: string, dialect: HubDialect): Migration[] {
  return loadMigrationsSync(join(appRoot, HUB_MIGRATIONS_DIR, dialect));
}

const LEDGER = {
  sqlite: LEDGER_SQL,
  postgres: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL)`,
};

interface LedgerRow {
  version: number;
  name: string;
  checksum: string;
}

async function readLedger(tx: HubSqlExecutor): Promise<LedgerRow[]> {
  return tx.query<LedgerRow>(
    'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
  );
}

/** Applies pending migrations in one transaction; returns the versions applied now. */
export async function migrateHub(
  sql: HubSql,
  migrations: Migration[],
  now: () => Date = () => new Date(),
): Promise<number[]> {
  return sql.transaction(async (tx) => {
    if (sql.dialect === 'postgres') {
      // Two hub processes starting together must not both create the tables.
      await tx.query('SELECT pg_advisory_xact_lock(70070001)');
    }
    await sql.execScript(tx, LEDGER[sql.dialect]);
    const ledger = await readLedger(tx);
    checkLedger(ledger, migrations, 'Hub database');
    const applied = new Set(ledger.map((r) => r.version));
    const pending = migrations.filter((m) => !applied.has(m.version));
    for (const m of pending) {
      await sql.execScript(tx, m.sql);
      await tx.run(
        'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
        [m.version, m.name, m.checksum, now().toISOString()],
      );
    }
    return pending.map((m) => m.version);
  });
}
