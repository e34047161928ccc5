/**
 * Reads the serial (USB CDC / virtual COM) scanners that IT staff enabled on the Devices page.
 * A port that closes on its own (unplugged) or cannot be opened is retried on every poll, so the
 * scanner comes back when it is plugged in again, without restarting the app.
 */
import { openSerialScanner, type SerialScanner } from '../../../native/serial/serial-scanner-port';
import type { Profile, SerialSettings } from '../../api/device-schemas';
import { errorMessage } from '../../api/errors';
import type { ScannerFleet } from './scanner-fleet';

type SerialProfile = Extract<Profile, { mode: 'serial' }>;

interface OpenPort {
  scanner: SerialScanner;
  settings: string;
}

export interface SerialScanners {
  poll(): Promise<void>;
  pendingBytes(deviceKey: string): number;
  closeAll(): Promise<void>;
}

export function createSerialScanners(fleet: ScannerFleet): SerialScanners {
  const open = new Map<string, OpenPort>();
  const opening = new Set<string>();

  async function openOne(profile: SerialProfile, settings: SerialSettings): Promise<void> {
    const key = profile.deviceKey;
    const base = {
      deviceKey: key,
      mode: 'serial' as const,
      label: profile.label,
      path: settings.path,
    };
    opening.add(key);
    try {
      const scanner = await openSerialScanner(
        settings,
        {
          onScan: (bytes, at) =>
            fleet.scan(
              { bytes, source: 'serial', at },
              { deviceKey: key, deviceLabel: profile.label },
            ),
          onDiscard: (reason, bytes) =>
            fleet.discarded(key, profile.label, 'serial', reason, bytes),
          onPartial: (bytes) => fleet.receiving(key, profile.label, 'serial', bytes),
          onGone: () => {
            open.delete(key);
            fleet.markDisconnected(key, 'DEVICE_GONE');
          },
        },
        fleet.now,
      );
      open.set(key, { scanner, settings: JSON.stringify(settings) });
      fleet.setState({ ...base, state: 'connected', layout: settings.suffix, error: null });
    } catch (error) {
      const known = fleet.states().find((s) => s.deviceKey === key);
      // Absent port after a disconnect: still "disconnected", not a new failure.
      if (known?.state !== 'disconnected') {
        fleet.setState({
          ...base,
          state: 'failed',
          layout: null,
          error: {
            code: 'SERIAL_OPEN_FAILED',
            message: `${errorMessage('SERIAL_OPEN_FAILED')} (${(error as Error).message})`,
          },
        });
      }
    } finally {
      opening.delete(key);
    }
  }

  return {
    async poll() {
      const wanted = new Map(
        fleet.profiles
          .list()
          .filter((p): p is SerialProfile => p.mode === 'serial' && p.enabled)
          .map((p) => [p.deviceKey, p]),
      );
      for (const [key, port] of open) {
        const profile = wanted.get(key);
        if (!profile || JSON.stringify(profile.settings) !== port.settings) {
          open.delete(key);
          await port.scanner.close();
          if (!profile) fleet.forget(key);
        }
      }
      for (const profile of wanted.values()) {
        if (!open.has(profile.deviceKey) && !opening.has(profile.deviceKey)) {
          await openOne(profile, profile.settings);
        }
      }
    },
    pendingBytes: (key) => open.get(key)?.scanner.pendingBytes ?? 0,
    async closeAll() {
      for (const port of open.values()) await port.scanner.close();
      open.clear();
    },
  };
}
