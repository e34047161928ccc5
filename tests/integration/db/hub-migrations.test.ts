import { describe, expect, it, afterEach } from 'vitest';
import { loadHubMigrationsSync, migrateHub } from '../../../db/hub/hub-migrate';
import { openHubDatabase } from '../../../db/hub/open-hub-database';
import type { HubSql } from '../../../db/hub/hub-sql';
import { APP_ROOT } from '../../../electron/host/app-root';
import { useHubDatabases } from '../../support/hub-harness';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const open: HubSql[] = [];
afterEach(async () => {
  for (const sql of open.splice(0)) await sql.close();
});

describe('hub migrations', () => {
  const sqliteDb = useHubDatabases('sqlite', tempDir);
  const postgresDb = useHubDatabases('postgres', tempDir);

  it('are numbered in step for both dialects', () => {
    const names = (d: 'sqlite' | 'postgres') =>
      loadHubMigrationsSync(APP_ROOT, d).map((m) => `${m.version}_${m.name}`);
    expect(names('postgres')).toEqual(names('sqlite'));
  });

  it('create the same tables and columns on SQLite and PostgreSQL, once, and refuse an edited one', async () => {
    const lite = await openHubDatabase(await sqliteDb(), APP_ROOT);
    const pg = await openHubDatabase(await postgresDb(), APP_ROOT);
    open.push(lite, pg);
    const liteColumns = await lite.query<{ t: string; c: string }>(
      `SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p
       WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY t, c`,
    );
    const pgColumns = await pg.query<{ t: string; c: string }>(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY t, c`,
    );
    const list = (rows: { t: string; c: string }[]) => rows.map((r) => `${r.t}.${r.c}`).sort();
    expect(list(pgColumns)).toEqual(list(liteColumns));
    for (const sql of [lite, pg]) {
      const migrations = loadHubMigrationsSync(APP_ROOT, sql.dialect);
      expect(await migrateHub(sql, migrations)).toEqual([]);
      const edited = migrations.map((m) => ({
        ...m,
        checksum: m.version === 1 ? 'x' : m.checksum,
      }));
      await expect(migrateHub(sql, edited)).rejects.toMatchObject({ code: 'DB_MIGRATION_EDITED' });
    }
  }, 60_000);

  it('refuses a database URL it cannot use, with a stable code', async () => {
    await expect(openHubDatabase('mysql://x', APP_ROOT)).rejects.toMatchObject({
      code: 'HUB_DB_URL_INVALID',
    });
    await expect(
      openHubDatabase('postgres://motcua@127.0.0.1:1/none', APP_ROOT),
    ).rejects.toMatchObject({
      code: 'HUB_DB_UNAVAILABLE',
    });
  });
});
