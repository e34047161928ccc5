import type { Dispatcher } from '../../electron/api/dispatch';
import type { AppServices } from '../../electron/services/create-services';
import { SAMPLE_CITIZEN, TEST_OFFICE } from './services';

export async function call<T = unknown>(
  dispatcher: Dispatcher,
  name: string,
  input?: unknown,
): Promise<T> {
  const result = await dispatcher.dispatch(name, input);
  if (!result.ok)
    throw Object.assign(new Error(`${name}: ${result.error.code}`), { code: result.error.code });
  return result.value as T;
}

/** Configures the office and receives one dossier; returns its code. */
export async function receiveDossier(
  dispatcher: Dispatcher,
  procedureKey = 'dang-ky-khai-sinh',
  citizen = SAMPLE_CITIZEN,
): Promise<string> {
  await call(dispatcher, 'settings.updateOffice', TEST_OFFICE);
  const dossier = await call<{ code: string }>(dispatcher, 'dossiers.create', {
    procedureKey,
    citizen,
  });
  return dossier.code;
}

export interface DraftView {
  id: string;
  state: string;
  errorCode: string | null;
  pages: { seq: number; blank: boolean; keep: boolean; dpi: number; kind: string }[];
  keptPages: number;
}

/** Starts a scan and waits for its end through the service (the digitization.scanState event's source). */
export async function scanInto(
  services: AppServices,
  dispatcher: Dispatcher,
  input: Record<string, unknown>,
): Promise<DraftView> {
  const draft = await call<DraftView>(dispatcher, 'digitization.startScan', input);
  return (await services.digitization.whenDone(draft.id)) as DraftView;
}

export const SETTINGS_300_COLOR_FEEDER = {
  source: 'feeder',
  duplex: false,
  dpi: 300,
  colorMode: 'color',
  deskew: false,
} as const;
