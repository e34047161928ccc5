import { listHidDevices, isBarcodePos } from '../../../native/hid/hid-devices';
import { listSerialPorts } from '../../../native/serial/list-serial-ports';
import type { Handlers } from '../../api/dispatch';
import { toApiError } from '../../api/errors';
import type { ScanIntake } from '../intake/scan-intake';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { createHidScanners, type HidIo } from './hid-scanners';
import { createScannerFleet } from './scanner-fleet';
import type { ScannerProfiles } from './scanner-profiles';
import { createSerialScanners } from './serial-scanners';

export interface DevicesDeps {
  profiles: ScannerProfiles;
  intake: ScanIntake;
  events: EventBus;
  clock: Clock;
  /** node-hid by default; tests pass recorded devices. */
  hidIo?: HidIo;
}

export interface BarcodeDevices {
  handlers: Pick<
    Handlers,
    | 'devices.list'
    | 'devices.saveProfile'
    | 'devices.deleteProfile'
    | 'devices.wedgeSettings'
    | 'devices.armTestScan'
    | 'devices.disarmTestScan'
  >;
  /** Starts reading scanners (hosts call it; the CLI does not). Polls for plug/unplug. */
  start(options?: { pollMs?: number }): void;
  /** One reconciliation round now (after a profile change, and in tests). */
  pollNow(): Promise<void>;
  /** Bytes of a scan in progress on a device (diagnostics; tests wait on it). */
  pendingBytes(deviceKey: string): number;
  stop(): Promise<void>;
}

export function createBarcodeDevices(deps: DevicesDeps): BarcodeDevices {
  const fleet = createScannerFleet(deps);
  const hid = createHidScanners(fleet, deps.hidIo);
  const serial = createSerialScanners(fleet);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let round: Promise<void> = Promise.resolve();
  let hidBroken = false;

  // Rounds never overlap: a slow enumeration simply delays the next one.
  const pollNow = () => {
    round = round.then(async () => {
      await serial.poll();
      if (!hidBroken) {
        try {
          await hid.poll();
        } catch (error) {
          hidBroken = (error as { code?: string }).code === 'HID_UNAVAILABLE';
          if (!hidBroken) console.error('[devices] HID poll failed:', error);
        }
      }
    });
    return round;
  };
  const changed = () => {
    deps.events.publish({
      type: 'devices.changed',
      at: deps.clock.now(),
      testArmedUntil: deps.intake.testArmedUntil(),
    });
    if (running) void pollNow();
  };

  return {
    handlers: {
      'devices.list': async () => {
        const problems = [];
        let hidDevices: Awaited<ReturnType<typeof listHidDevices>> = [];
        let serialPorts: Awaited<ReturnType<typeof listSerialPorts>> = [];
        try {
          hidDevices = await (deps.hidIo?.list ?? listHidDevices)();
        } catch (error) {
          problems.push(toApiError(error));
        }
        try {
          serialPorts = await listSerialPorts();
        } catch {
          problems.push(toApiError({ code: 'SERIAL_UNAVAILABLE' }));
        }
        return {
          hid: hidDevices.map((d) => ({ ...d, barcodePos: isBarcodePos(d) })),
          serialPorts,
          scanners: fleet.states(),
          profiles: deps.profiles.list(),
          problems: problems.map(({ code, message }) => ({ code, message })),
        };
      },
      'devices.saveProfile': (input) => {
        const profile = deps.profiles.save(input);
        changed();
        return profile;
      },
      'devices.deleteProfile': ({ deviceKey }) => {
        const deleted = deps.profiles.delete(deviceKey);
        changed();
        return { deleted };
      },
      'devices.wedgeSettings': () => deps.profiles.wedgeSettings(),
      'devices.armTestScan': (input) => {
        const armedUntil = deps.clock.now() + (input?.timeoutMs ?? 60_000);
        deps.intake.armTest(armedUntil);
        return { armedUntil };
      },
      'devices.disarmTestScan': () => {
        deps.intake.disarmTest();
        return { armed: false as const };
      },
    },
    start(options = {}) {
      if (running) return;
      running = true;
      const pollMs = options.pollMs ?? 2000;
      const loop = () => {
        void pollNow().finally(() => {
          if (running) timer = setTimeout(loop, pollMs);
        });
      };
      loop();
    },
    pollNow,
    pendingBytes: (key) => serial.pendingBytes(key) + hid.pendingBytes(key),
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await round;
      await serial.closeAll();
      await hid.closeAll();
    },
  };
}
