/**
 * Errors raised by the database layer. `db/` may not import the API contract (dependency rule),
 * so each error carries its stable code as a plain string; the adapters recognise it.
 */
export type DbErrorCode =
  | 'DATA_DIR_UNWRITABLE'
  | 'DB_NOT_SQLITE'
  | 'DB_SCHEMA_NEWER'
  | 'DB_MIGRATION_EDITED'
  | 'DB_MIGRATION_FAILED'
  | 'DB_CORRUPT';

export class DbError extends Error {
  readonly code: DbErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DbErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DbError';
    this.code = code;
    this.details = details;
  }
}
