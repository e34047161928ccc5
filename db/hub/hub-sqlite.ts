import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { HubSql, HubSqlExecutor, SqlValue } from './hub-sql';
import { assertSqliteFileSync } from '../connection';

/**
 * SQLite behind the async interface. better-sqlite3 is synchronous, so every operation goes
 * through one queue: an `await` inside a transaction can never let another request's statement
 * slip into it.
 */
export function openHubSqlite(file: string): HubSql {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
    assertSqliteFileSync(file);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Acknowledged rows are the office's only proof of delivery: they must survive a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };
  const direct: HubSqlExecutor = {
    query: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      prepare(sql).all(...params) as T[],
    run: async (sql: string, params: readonly SqlValue[] = []) =>
      prepare(sql).run(...params).changes,
  };
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    dialect: 'sqlite',
    description: `sqlite:${file}`,
    query: (sql, params) => serial(() => direct.query(sql, params)),
    run: (sql, params) => serial(() => direct.run(sql, params)),
    transaction: (fn) =>
      serial(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const value = await fn(direct);
          db.exec('COMMIT');
          return value;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    // analysis_limit samples each index instead of reading it whole: milliseconds, not seconds.
    maintain: () => serial(async () => void db.exec('PRAGMA analysis_limit = 1000; ANALYZE')),
    execScript: async (_tx, script) => void db.exec(script),
    close: async () => {
      await queue;
      db.close();
    },
  };
}
