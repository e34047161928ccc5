/**
 * Vendor readers that push JSON (cccd-formats.md §5) produce the same record as our own PC/SC
 * read. When the device forwards the raw files (HN-212 sends DG2/DG13/DG14/DG15 and EF.SOD), we
 * run Passive Authentication ourselves; clone checks need the chip, so they stay "not done".
 * When it sends text only, the verdict is "vendor_reported" with the device's own flags.
 */
import type { ChipRepository } from '../../../db/repositories/chip-repository';
import { buildChipRecord, compareWithQr } from '../../../native/cccd/chip/chip-record';
import { parseDg13Date } from '../../../native/cccd/chip/dg13';
import { sniffImage } from '../../../native/cccd/chip/dg2';
import { passiveAuthentication, type Check } from '../../../native/cccd/chip/passive-auth';
import { verdictOf } from '../../../native/cccd/chip/verify-read';
import {
  parseVendorPayload,
  VendorPayloadError,
  type VendorFormat,
  type VendorRecord,
} from '../../../native/cccd/vendor/vendor-payload';
import type { ChipCitizen, ChipReadResult } from '../../api/calls/chip';
import { AppError } from '../../api/errors';
import type { Citizen, Warning } from '../../api/schemas';
import type { AuditService } from '../audit/audit-service';
import type { Clock } from '../shared/clock';
import { displayPhoto } from './photo';
import { citizenFromRecord, warning } from './read-result';
import type { TrustStore } from './trust-store';

export interface VendorIngest {
  ingest(format: VendorFormat, payload: unknown, qr?: Citizen): Promise<ChipReadResult>;
}

function sexOf(text: string | null): 'male' | 'female' | null {
  const t = text?.normalize('NFC').toLowerCase();
  return t === 'nam' || t === 'male' || t === 'm'
    ? 'male'
    : t === 'nữ' || t === 'female' || t === 'f'
      ? 'female'
      : null;
}

function citizenFromText(f: VendorRecord['fields']): ChipCitizen {
  const dob = f.dateOfBirth ? parseDg13Date(f.dateOfBirth) : null;
  const issue = f.issueDate ? parseDg13Date(f.issueDate) : null;
  const expiry = f.expiryDate ? parseDg13Date(f.expiryDate) : null;
  return {
    idNumber: f.idNumber,
    fullName: f.fullName,
    dateOfBirth: dob?.date ?? null,
    dateOfBirthText: dob?.text ?? null,
    sex: sexOf(f.sex),
    nationality: f.nationality,
    ethnicity: f.ethnicity,
    religion: f.religion,
    hometown: f.hometown,
    residence: f.residence,
    identifyingMarks: f.identifyingMarks,
    issueDate: issue?.date ?? null,
    expiryDate: expiry?.date ?? null,
    expiryText: expiry?.text ?? null,
    fatherName: f.fatherName,
    motherName: f.motherName,
    spouseName: f.spouseName,
    oldIdNumber: f.oldIdNumber,
  };
}

function vendorChecks(record: VendorRecord): Check[] {
  const { integrity, legitimacy } = record.vendorChecks;
  const one = (id: Check['id'], v: boolean | null): Check =>
    v === null
      ? { id, status: 'not_done', reason: 'VENDOR_NOT_REPORTED' }
      : {
          id,
          status: v ? 'pass' : 'fail',
          reason: v ? 'VENDOR_INTEGRITY_OK' : 'VENDOR_INTEGRITY_FAILED',
        };
  return [one('DG_HASHES', integrity), one('ISSUER_TRUST', legitimacy)];
}

export function createVendorIngest(deps: {
  repo: ChipRepository;
  trust: TrustStore;
  audit: AuditService;
  clock: Clock;
}): VendorIngest {
  return {
    async ingest(format, payload, qr) {
      let record: VendorRecord;
      try {
        record = parseVendorPayload(format, payload);
      } catch (error) {
        if (error instanceof VendorPayloadError)
          throw new AppError('VENDOR_PAYLOAD_INVALID', { format, ...error.details });
        throw error;
      }
      const groups = new Map<number, Buffer>();
      for (const [id, bytes] of record.files) if (id !== 'SOD') groups.set(id, bytes);
      const sod = record.files.get('SOD') ?? null;
      const chipRecord = buildChipRecord(groups);
      const warnings: Warning[] = [];
      let checks: Check[];
      let verdict: ChipReadResult['verdict'];
      let documentSigner = null;
      let trustAnchor = null;
      if (sod && groups.size > 0) {
        const passive = passiveAuthentication(
          sod,
          groups,
          deps.trust.certificates(),
          deps.clock.now(),
        );
        checks = [
          ...passive.checks,
          { id: 'CHIP_AUTH', status: 'not_done', reason: 'CA_NOT_OFFERED' },
          { id: 'ACTIVE_AUTH', status: 'not_done', reason: 'AA_NOT_OFFERED' },
        ];
        verdict = verdictOf(checks);
        documentSigner = passive.documentSigner;
        trustAnchor = passive.trustAnchor;
      } else {
        checks = vendorChecks(record);
        verdict = checks.some((c) => c.status === 'fail') ? 'not_genuine' : 'vendor_reported';
      }
      const citizen = chipRecord.dg13
        ? citizenFromRecord(chipRecord)
        : citizenFromText(record.fields);
      let photo: ChipReadResult['photo'] = null;
      const face =
        chipRecord.photo ??
        (record.photoJpeg && sniffImage(record.photoJpeg)
          ? {
              format: sniffImage(record.photoJpeg)!,
              width: null,
              height: null,
              data: record.photoJpeg,
            }
          : null);
      if (face) {
        try {
          photo = await displayPhoto(face);
        } catch {
          warnings.push(warning('CHIP_PHOTO_UNREADABLE'));
        }
      }
      const disagreements = qr
        ? compareWithQr(
            {
              mrz: chipRecord.mrz,
              dg13: chipRecord.dg13 ?? toDg13Like(citizen),
              photo: null,
              problems: [],
            },
            qr,
          )
        : [];
      if (disagreements.some((d) => d.field === 'idNumber'))
        warnings.push(warning('CHIP_ID_DIFFERS'));
      else if (disagreements.length > 0) warnings.push(warning('CHIP_QR_MISMATCH'));
      const source = record.device ?? format;
      const readId = deps.repo.saveRead({
        readAt: deps.clock.now(),
        idNumber: citizen.idNumber,
        source,
        method: 'vendor',
        verdict,
        checks: JSON.stringify(checks.map(({ id, status, reason }) => ({ id, status, reason }))),
        record: JSON.stringify(citizen),
        apduCount: 0,
        durationMs: 0,
      });
      deps.audit.record('chip.vendorRead', citizen.idNumber ?? '', { format, verdict, readId });
      return {
        readId,
        source,
        method: 'vendor',
        durationMs: 0,
        apduCount: 0,
        bytesRead: [...record.files.values()].reduce((n, b) => n + b.length, 0),
        verdict,
        checks,
        documentSigner,
        trustAnchor,
        citizen,
        mrz: null,
        photo,
        disagreements,
        warnings,
      };
    },
  };
}

/** The comparison works on DG13-shaped data; text-only vendor records are reshaped to it. */
function toDg13Like(c: ChipCitizen) {
  const date = (d: string | null, t: string | null) =>
    t === null && d === null ? null : { date: d, text: t ?? d ?? '' };
  return {
    idNumber: c.idNumber,
    fullName: c.fullName,
    dateOfBirth: date(c.dateOfBirth, c.dateOfBirthText),
    sex: c.sex,
    sexText: null,
    nationality: c.nationality,
    ethnicity: c.ethnicity,
    religion: c.religion,
    hometown: c.hometown,
    residence: c.residence,
    identifyingMarks: c.identifyingMarks,
    issueDate: date(c.issueDate, c.issueDate),
    expiry: date(c.expiryDate, c.expiryText),
    fatherName: c.fatherName,
    motherName: c.motherName,
    spouseName: c.spouseName,
    oldIdNumber: c.oldIdNumber,
    field16: null,
    otherFields: {},
  };
}
