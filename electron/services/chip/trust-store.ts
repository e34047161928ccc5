/**
 * The office's CSCA trust store (ICAO 9303-12 §5): certificates imported from a file handed out
 * by the authority or from an ICAO master list. Only CA certificates are accepted.
 */
import { X509Certificate } from 'node:crypto';
import type { ChipRepository, TrustAnchorRow } from '../../../db/repositories/chip-repository';
import { parseTrustFile, TrustFileError } from '../../../native/cccd/chip/master-list';
import { AppError } from '../../api/errors';
import type { AuditService } from '../audit/audit-service';
import type { Clock } from '../shared/clock';

export type AnchorView = Omit<TrustAnchorRow, 'der'>;

function country(subject: string): string {
  return /(?:^|\n)C=([A-Z]{2})/.exec(subject)?.[1] ?? '';
}

export function toView({ der: _der, ...rest }: TrustAnchorRow): AnchorView {
  return rest;
}

export interface TrustStore {
  list(): AnchorView[];
  certificates(): X509Certificate[];
  import(
    fileName: string,
    bytes: Buffer,
  ): { imported: number; alreadyPresent: number; anchors: AnchorView[] };
  remove(fingerprint: string): boolean;
}

export function createTrustStore(
  repo: ChipRepository,
  clock: Clock,
  audit: AuditService,
): TrustStore {
  let cache: X509Certificate[] | null = null;
  return {
    list: () => repo.anchors().map(toView),
    certificates() {
      cache ??= repo.anchors().flatMap((row) => {
        try {
          return [new X509Certificate(row.der)];
        } catch {
          return [];
        }
      });
      return cache;
    },
    import(fileName, bytes) {
      let parsed;
      try {
        parsed = parseTrustFile(bytes);
      } catch (error) {
        if (error instanceof TrustFileError)
          throw new AppError(error.code, { fileName, ...error.details });
        throw error;
      }
      const cas = parsed.certificates.filter((c) => c.ca);
      if (cas.length === 0) throw new AppError('TRUST_NOT_CA', { fileName });
      const now = clock.now();
      const rows: TrustAnchorRow[] = cas.map((c) => ({
        fingerprint: c.fingerprint256.replace(/:/g, ''),
        subject: c.subject,
        issuer: c.issuer,
        serialNumber: c.serialNumber,
        country: country(c.subject),
        validFrom: Date.parse(c.validFrom),
        validTo: Date.parse(c.validTo),
        der: c.raw,
        source: fileName,
        importedAt: now,
      }));
      const imported = repo.addAnchors(rows);
      cache = null;
      audit.record('chip.trustImport', fileName, {
        kind: parsed.kind,
        imported,
        offered: rows.length,
        skippedNonCa: parsed.certificates.length - cas.length,
      });
      return { imported, alreadyPresent: rows.length - imported, anchors: rows.map(toView) };
    },
    remove(fingerprint) {
      const removed = repo.removeAnchor(fingerprint);
      cache = null;
      if (removed) audit.record('chip.trustRemove', fingerprint);
      return removed;
    },
  };
}
