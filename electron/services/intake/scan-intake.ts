import { randomUUID } from 'node:crypto';
import { maskIdNumber } from '../../../native/cccd/id-number';
import { parseCccdQr } from '../../../native/cccd/qr-payload';
import { decodeForDisplay } from '../../../native/cccd/text-decoding';
import type { ScanRecord, ScanSource, WedgeStats } from '../../api/scan-schemas';
import { AppError } from '../../api/errors';
import { warningMessage } from '../../api/warnings';
import type { AuditService } from '../audit/audit-service';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { vnDay } from '../shared/vn-time';
import { describeQrResult } from './qr-result';

/** DESIGN.md: every input path produces the same ScanInput. */
export interface ScanInput {
  bytes: Uint8Array;
  source: ScanSource;
  /** Epoch ms when the last byte arrived. */
  at: number;
}

/** Where a scan came from, for the record and the Devices page wizard. */
export interface ScanOrigin {
  deviceKey: string;
  deviceLabel: string;
  purpose?: 'intake' | 'test';
  layout?: string | null;
  aim?: string | null;
  reports?: number | null;
  wedge?: WedgeStats | null;
}

export interface ScanIntake {
  submit(input: ScanInput, origin: ScanOrigin): ScanRecord;
  recent(): ScanRecord[];
  get(scanId: string): ScanRecord;
  revealId(scanId: string): string;
  /** Whether the clerk revealed this ID number on a citizen card within `withinMs`. */
  wasRevealed(idNumber: string, withinMs: number): boolean;
  armTest(until: number): void;
  disarmTest(): void;
  testArmedUntil(): number | null;
}

/** The issue: "the last 20 scans of the session are listed for quick re-use". */
export const SESSION_SCANS = 20;
/** A second scan of the same card within this window is the same scan (merged, not listed). */
export const DUPLICATE_WINDOW_MS = 4000;

// Non-ASCII anywhere in the text: a wedge that kept the letters (or a card without any, rare).
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\u0000-\u007f]*$/;

export function createScanIntake(deps: {
  clock: Clock;
  events: EventBus;
  audit: AuditService;
}): ScanIntake {
  let session: ScanRecord[] = [];
  let armedUntil: number | null = null;
  const revealedAt = new Map<string, number>();

  const publishArmed = () =>
    deps.events.publish({
      type: 'devices.changed',
      at: deps.clock.now(),
      testArmedUntil: armedUntil,
    });

  function decode(
    input: ScanInput,
    origin: ScanOrigin,
    purpose: ScanRecord['purpose'],
  ): ScanRecord {
    const now = deps.clock.now();
    const rawText = decodeForDisplay(input.bytes);
    const result = describeQrResult(parseCccdQr(input.bytes, { today: vnDay(now) }));
    if (result.ok && input.source === 'wedge' && ASCII_ONLY.test(rawText)) {
      // scanners.md §1.3: wedge scanners drop letters they have no key for, silently.
      result.warnings.push({
        code: 'WEDGE_DIACRITICS_LOST',
        message: warningMessage('WEDGE_DIACRITICS_LOST'),
      });
    }
    return {
      scanId: randomUUID(),
      purpose,
      source: input.source,
      deviceKey: origin.deviceKey,
      deviceLabel: origin.deviceLabel,
      receivedAt: input.at,
      decodedAt: now,
      repeats: 0,
      byteLength: input.bytes.length,
      bytesHex: Buffer.from(input.bytes).toString('hex'),
      rawText,
      idNumberMasked: result.ok ? maskIdNumber(result.citizen.idNumber) : null,
      result,
      transport: {
        layout: origin.layout ?? null,
        aim: origin.aim ?? null,
        reports: origin.reports ?? null,
        wedge: origin.wedge ?? null,
      },
    };
  }

  function find(scanId: string): ScanRecord {
    const scan = session.find((s) => s.scanId === scanId);
    if (!scan) throw new AppError('SCAN_NOT_FOUND');
    return scan;
  }

  return {
    submit(input, origin) {
      const now = deps.clock.now();
      let purpose = origin.purpose ?? 'intake';
      if (armedUntil !== null && now <= armedUntil) {
        purpose = 'test';
        armedUntil = null; // one test scan per arming
        publishArmed();
      }
      if (purpose === 'intake') {
        const hex = Buffer.from(input.bytes).toString('hex');
        const same = session.find(
          (s) => s.bytesHex === hex && Math.abs(input.at - s.receivedAt) <= DUPLICATE_WINDOW_MS,
        );
        if (same) {
          const merged = {
            ...same,
            repeats: same.repeats + 1,
            receivedAt: input.at,
            decodedAt: now,
          };
          session = [merged, ...session.filter((s) => s !== same)];
          deps.events.publish({ type: 'scan.decoded', at: now, scan: merged });
          return merged;
        }
      }
      const scan = decode(input, origin, purpose);
      if (purpose === 'intake') session = [scan, ...session].slice(0, SESSION_SCANS);
      deps.events.publish({ type: 'scan.decoded', at: now, scan });
      return scan;
    },
    recent: () => session.slice(),
    get: find,
    revealId(scanId) {
      const scan = find(scanId);
      if (!scan.result.ok) throw new AppError('SCAN_NO_CITIZEN');
      const { idNumber } = scan.result.citizen;
      // Privacy rule: who saw which full ID number, when; the number is the subject's key.
      deps.audit.record('citizen.revealId', idNumber, { scanId, source: scan.source });
      revealedAt.set(idNumber, deps.clock.now());
      return idNumber;
    },
    wasRevealed(idNumber, withinMs) {
      const at = revealedAt.get(idNumber);
      return at !== undefined && deps.clock.now() - at <= withinMs;
    },
    armTest(until) {
      armedUntil = until;
      publishArmed();
    },
    disarmTest() {
      armedUntil = null;
      publishArmed();
    },
    testArmedUntil: () =>
      armedUntil !== null && deps.clock.now() <= armedUntil ? armedUntil : null,
  };
}
