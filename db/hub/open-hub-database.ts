import { loadHubMigrationsSync, migrateHub } from './hub-migrate';
import { openHubPostgres } from './hub-postgres';
import { parseHubDbUrl, type HubSql } from './hub-sql';
import { openHubSqlite } from './hub-sqlite';

/** Opens the hub database named by `url` and brings its schema up to date. */
export async function openHubDatabase(url: string, appRoot: string): Promise<HubSql> {
  const location = parseHubDbUrl(url);
  const sql =
    location.dialect === 'sqlite'
      ? openHubSqlite(location.file)
      : openHubPostgres(location.connectionString, location.description);
  try {
    await migrateHub(sql, loadHubMigrationsSync(appRoot, sql.dialect));
    await sql.maintain();
    return sql;
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
}
