/**
 * The hub's thin dialect layer: the same SQL text runs on SQLite (a commune's hub, one file) and
 * PostgreSQL (a province or the nation). Statements use `?` placeholders and the common subset of
 * both dialects (ON CONFLICT … DO UPDATE … WHERE, RETURNING, CAST(… AS BIGINT)); only the DDL in
 * `db/hub-migrations/<dialect>/` differs.
 */
export type SqlValue = string | number | null;
export type HubDialect = 'sqlite' | 'postgres';

export interface HubSqlExecutor {
  query<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface HubSql extends HubSqlExecutor {
  readonly dialect: HubDialect;
  /** Where the data is, without any password: for logs and `hub serve`'s ready line. */
  readonly description: string;
  /** All of `fn` or nothing. SQLite serialises transactions; PostgreSQL runs them concurrently. */
  transaction<T>(fn: (tx: HubSqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Keeps the planner's statistics current. SQLite has no autovacuum: without them a month's
   * totals over all offices walk a secondary index instead of skip-scanning the primary key
   * (about ten times slower at 900k rows). PostgreSQL's autovacuum analyzes by itself.
   */
  maintain(): Promise<void>;
  /** A multi-statement script (migrations), inside the caller's transaction. */
  execScript(tx: HubSqlExecutor, script: string): Promise<void>;
  close(): Promise<void>;
}

export type HubDbErrorCode = 'HUB_DB_URL_INVALID' | 'HUB_DB_UNAVAILABLE';

/** `db/` cannot import the API's errors: the code travels as a string `toApiError` recognises. */
export class HubDbError extends Error {
  constructor(
    readonly code: HubDbErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HubDbError';
  }
}

export type HubDbLocation =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; connectionString: string; description: string };

/** `sqlite:PATH` (relative or absolute) or `postgres://user@host:port/db` (`postgresql://`). */
export function parseHubDbUrl(text: string): HubDbLocation {
  if (text.startsWith('sqlite:')) {
    const file = text.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file.trim() === '') throw new HubDbError('HUB_DB_URL_INVALID', 'Empty SQLite path');
    return { dialect: 'sqlite', file };
  }
  if (/^postgres(ql)?:\/\//.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new HubDbError('HUB_DB_URL_INVALID', 'Malformed PostgreSQL URL');
    }
    const safe = new URL(url.toString());
    if (safe.password) safe.password = '***';
    return { dialect: 'postgres', connectionString: text, description: safe.toString() };
  }
  throw new HubDbError('HUB_DB_URL_INVALID', 'Use sqlite:PATH or postgres://…', {
    received: text.slice(0, 40),
  });
}

/** `?` → `$1, $2, …` for PostgreSQL (the hub's SQL has no `?` inside string literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
