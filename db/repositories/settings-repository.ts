import type { SqliteDatabase } from '../connection';

/** Key → JSON value store for office identity and preferences. */
export function createSettingsRepository(db: SqliteDatabase) {
  const select = db.prepare<[string], { value: string }>(
    'SELECT value FROM settings WHERE key = ?',
  );
  const upsert = db.prepare<[string, string, number]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  return {
    get(key: string): unknown {
      const row = select.get(key);
      return row ? (JSON.parse(row.value) as unknown) : undefined;
    },
    set(key: string, value: unknown, now: number): void {
      upsert.run(key, JSON.stringify(value), now);
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
