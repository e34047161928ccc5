import { parseCccdQr } from '../../../native/cccd/qr-payload';
import type { Handlers } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import type { AuditService } from '../audit/audit-service';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../shared/clock';
import { vnDay } from '../shared/vn-time';
import { renderOldIdSlip, saveSlip } from './old-id-slip';
import { qrResultOrThrow } from './qr-result';
import type { ScanIntake } from './scan-intake';

export interface IntakeDeps {
  clock: Clock;
  intake: ScanIntake;
  audit: AuditService;
  settings: SettingsService;
  dataDir: string;
  appRoot: string;
}

/** The browser cannot tell one keyboard from another: every wedge scan is "the keyboard". */
const WEDGE_ORIGIN = { deviceKey: 'wedge', deviceLabel: 'Bàn phím (keyboard wedge)' };
const MANUAL_ORIGIN = { deviceKey: 'manual', deviceLabel: 'Nhập tay' };

export function createIntakeHandlers(
  deps: IntakeDeps,
): Pick<
  Handlers,
  | 'intake.parseQr'
  | 'intake.submitScan'
  | 'intake.recentScans'
  | 'intake.revealId'
  | 'intake.oldIdSlip'
> {
  return {
    'intake.parseQr': ({ text }) =>
      qrResultOrThrow(parseCccdQr(text, { today: vnDay(deps.clock.now()) })),
    'intake.submitScan': ({ bytes, source, at, purpose, wedge }) =>
      deps.intake.submit(
        { bytes: Buffer.from(bytes, 'base64'), source, at },
        {
          ...(source === 'wedge' ? WEDGE_ORIGIN : MANUAL_ORIGIN),
          purpose,
          wedge: wedge ?? null,
        },
      ),
    'intake.recentScans': () => deps.intake.recent(),
    'intake.revealId': ({ scanId }) => ({ idNumber: deps.intake.revealId(scanId) }),
    'intake.oldIdSlip': async ({ scanId }) => {
      const scan = deps.intake.get(scanId);
      if (!scan.result.ok) throw new AppError('SCAN_NO_CITIZEN');
      if (!scan.result.citizen.oldIdNumber) throw new AppError('SCAN_NO_OLD_ID');
      const now = deps.clock.now();
      let saved: { file: string; fileName: string; pages: number; bytes: Buffer };
      try {
        const pdf = await renderOldIdSlip(deps.appRoot, scan, deps.settings.getOffice(), now);
        saved = { ...saveSlip(deps.dataDir, pdf.bytes, scan, now), ...pdf };
      } catch (error) {
        console.error('[intake.oldIdSlip]', error);
        throw new AppError('DOCUMENT_WRITE_FAILED');
      }
      deps.audit.record('citizen.oldIdSlip', scan.result.citizen.idNumber, {
        scanId,
        file: saved.fileName,
      });
      return {
        file: saved.file,
        fileName: saved.fileName,
        pages: saved.pages,
        pdfBase64: saved.bytes.toString('base64'),
      };
    },
  };
}
