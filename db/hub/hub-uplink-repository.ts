import type { HubSql } from './hub-sql';

/** The upper hub this hub forwards its rollup to (table hub_uplink, one row at most). */
export interface UplinkRow {
  url: string;
  officeCode: string;
  keyId: string;
  publicKey: string;
  keyFile: string;
  tlsPinSha256: string | null;
  tlsCaPem: string | null;
  hubName: string;
  enrolledAt: number;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastErrorCode: string | null;
  lastErrorDetails: string | null;
  failures: number;
  nextAttemptAt: number | null;
}

export type NewUplink = Pick<
  UplinkRow,
  | 'url'
  | 'officeCode'
  | 'keyId'
  | 'publicKey'
  | 'keyFile'
  | 'tlsPinSha256'
  | 'tlsCaPem'
  | 'hubName'
  | 'enrolledAt'
>;

export function createUplinkRepository(sql: HubSql) {
  return {
    async get(): Promise<UplinkRow | null> {
      const rows = await sql.query<UplinkRow>(
        `SELECT url, office_code AS "officeCode", key_id AS "keyId", public_key AS "publicKey",
           key_file AS "keyFile", tls_pin_sha256 AS "tlsPinSha256", tls_ca_pem AS "tlsCaPem",
           hub_name AS "hubName", enrolled_at AS "enrolledAt", last_attempt_at AS "lastAttemptAt",
           last_success_at AS "lastSuccessAt", last_error_code AS "lastErrorCode",
           last_error_details AS "lastErrorDetails", failures, next_attempt_at AS "nextAttemptAt"
         FROM hub_uplink WHERE id = 1`,
      );
      return rows[0] ?? null;
    },
    set: (u: NewUplink) =>
      sql.run(
        `INSERT INTO hub_uplink (id, url, office_code, key_id, public_key, key_file, tls_pin_sha256,
           tls_ca_pem, hub_name, enrolled_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET url = excluded.url, office_code = excluded.office_code,
           key_id = excluded.key_id, public_key = excluded.public_key, key_file = excluded.key_file,
           tls_pin_sha256 = excluded.tls_pin_sha256, tls_ca_pem = excluded.tls_ca_pem,
           hub_name = excluded.hub_name, enrolled_at = excluded.enrolled_at, failures = 0,
           last_error_code = NULL, last_error_details = NULL, next_attempt_at = NULL`,
        [
          u.url,
          u.officeCode,
          u.keyId,
          u.publicKey,
          u.keyFile,
          u.tlsPinSha256,
          u.tlsCaPem,
          u.hubName,
          u.enrolledAt,
        ],
      ),
    recordAttempt: (at: number) =>
      sql.run('UPDATE hub_uplink SET last_attempt_at = ? WHERE id = 1', [at]),
    recordSuccess: (at: number) =>
      sql.run(
        `UPDATE hub_uplink SET last_success_at = ?, failures = 0, next_attempt_at = NULL,
           last_error_code = NULL, last_error_details = NULL WHERE id = 1`,
        [at],
      ),
    recordFailure: (code: string, details: string, next: number) =>
      sql.run(
        `UPDATE hub_uplink SET last_error_code = ?, last_error_details = ?, failures = failures + 1,
           next_attempt_at = ? WHERE id = 1`,
        [code, details, next],
      ),
  };
}
export type UplinkRepository = ReturnType<typeof createUplinkRepository>;
