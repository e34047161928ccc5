import pg from 'pg';
import {
  HubDbError,
  numberPlaceholders,
  type HubSql,
  type HubSqlExecutor,
  type SqlValue,
} from './hub-sql';

const INT8 = 20;
const NUMERIC = 1700;

/** Counts and epoch-ms times fit in a double; pg would hand BIGINT and SUM() back as strings. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'ECONNRESET',
  '57P01',
  '57P03',
]);

function mapError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code && UNAVAILABLE.has(code)) {
    return new HubDbError('HUB_DB_UNAVAILABLE', 'PostgreSQL is unavailable', { cause: code });
  }
  return error;
}

function executor(client: pg.Pool | pg.PoolClient): HubSqlExecutor {
  const cache = new Map<string, string>();
  const text = (sql: string) => {
    let converted = cache.get(sql);
    if (!converted) {
      converted = numberPlaceholders(sql);
      cache.set(sql, converted);
    }
    return converted;
  };
  return {
    async query<T>(sql: string, params: readonly SqlValue[] = []) {
      try {
        return (await client.query(text(sql), params as SqlValue[])).rows as T[];
      } catch (error) {
        throw mapError(error);
      }
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      try {
        return (await client.query(text(sql), params as SqlValue[])).rowCount ?? 0;
      } catch (error) {
        throw mapError(error);
      }
    },
  };
}

export function openHubPostgres(connectionString: string, description: string): HubSql {
  const pool = new pg.Pool({ connectionString, max: 8, types, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server (restart) must not crash the hub; the next query reconnects.
  pool.on('error', (error) => console.error('[hub] PostgreSQL idle client error:', error.message));
  const direct = executor(pool);
  return {
    dialect: 'postgres',
    description,
    query: direct.query,
    run: direct.run,
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw mapError(error);
      }
      try {
        await client.query('BEGIN');
        const value = await fn(executor(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw mapError(error);
      } finally {
        client.release();
      }
    },
    maintain: async () => {},
    async execScript(tx, script) {
      await tx.run(script);
    },
    close: () => pool.end(),
  };
}
