import { APP_ROOT } from '../../electron/host/app-root';
import { createDispatcher, type Dispatcher } from '../../electron/api/dispatch';
import { createServices, type AppServices } from '../../electron/services/create-services';
import { defaultScannerDrivers } from '../../electron/services/digitization/scanner-drivers';
import { fixedClock } from '../../electron/services/shared/clock';

/**
 * Real drivers with test-sized patience: eSCL retries 20 ms apart (sane-airscan's 1 s would make
 * a 30-retry test last half a minute), a short mDNS listen, hot folders quiet after 300 ms.
 */
export const TEST_SCANNERS = {
  drivers: defaultScannerDrivers({
    escl: { retryDelayMs: 20, interPageDelayMs: 0, requestTimeoutMs: 3000, discoverMs: 300 },
    folder: { pollMs: 50, quietMs: 300 },
  }),
  pageTimeoutMs: { device: 20_000, folder: 3000 },
};

/** 10:00 on Tuesday 24/11/2026 in Asia/Ho_Chi_Minh. */
export const TEST_NOW = Date.parse('2026-11-24T10:00:00+07:00');

export const TEST_OFFICE = {
  officeName: 'UBND phường Thử Nghiệm',
  adminUnitCode: '06658',
  agencyCode: '000.00.15.H33',
  place: 'Hạ Long',
};

export function openTestServices(dataDir: string, now = TEST_NOW, scanners = TEST_SCANNERS) {
  const clock = fixedClock(now);
  const services: AppServices = createServices({
    dataDir,
    appRoot: APP_ROOT,
    appVersion: '0.0.0-test',
    host: 'web',
    clock,
    scanners,
  });
  const dispatcher = createDispatcher(services.handlers, {
    onInternalError: (name, error) => console.error(name, error),
  });
  return { services, dispatcher, clock };
}

export const SAMPLE_CITIZEN = {
  idNumber: '022303004567',
  oldIdNumber: '123456789',
  fullName: 'Trần Thị Ngọc Hường',
  dateOfBirth: '2003-11-09',
  sex: 'female' as const,
  address: 'Số 12 đường Lê Thánh Tông, Phường Hồng Gai, Tỉnh Quảng Ninh',
  issueDate: '2021-07-01',
};

/** SAMPLE_CITIZEN's card QR (cccd-formats.md §1.2 layout). */
export const SAMPLE_QR = `${SAMPLE_CITIZEN.idNumber}|${SAMPLE_CITIZEN.oldIdNumber}|${SAMPLE_CITIZEN.fullName}|09112003|Nữ|${SAMPLE_CITIZEN.address}|01072021`;

/**
 * What the clerk does before an autofill that types the ID number: scan the card and press
 * "Hiện số" (an audited reveal). Returns the scan id.
 */
export async function revealSampleCitizen(dispatcher: Dispatcher): Promise<string> {
  const scan = await dispatcher.dispatch('intake.submitScan', {
    bytes: Buffer.from(SAMPLE_QR, 'utf8').toString('base64'),
    source: 'manual',
    at: Date.now(),
  });
  if (!scan.ok) throw new Error(JSON.stringify(scan.error));
  const revealed = await dispatcher.dispatch('intake.revealId', { scanId: scan.value.scanId });
  if (!revealed.ok) throw new Error(JSON.stringify(revealed.error));
  return scan.value.scanId;
}
