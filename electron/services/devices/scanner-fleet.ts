/**
 * What the HID and serial readers share: the profiles, the scan intake, and the scanners' states
 * (published as `device.status` only when a state changes, so polling stays quiet).
 */
import type { ScannerState } from '../../api/device-schemas';
import { errorMessage, type ErrorCode } from '../../api/errors';
import type { ScanSource } from '../../api/scan-schemas';
import type { ScanInput, ScanIntake, ScanOrigin } from '../intake/scan-intake';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import type { ScannerProfiles } from './scanner-profiles';

export type DiscardReason = 'unplugged' | 'timeout' | 'too_long' | 'closed';

export interface ScannerFleet {
  profiles: ScannerProfiles;
  /** The services' clock: readers stamp `at` with it, so tests can pin time. */
  now(): number;
  scan(input: ScanInput, origin: ScanOrigin): void;
  discarded(
    key: string,
    label: string,
    source: ScanSource,
    reason: DiscardReason,
    bytes: number,
  ): void;
  receiving(key: string, label: string, source: ScanSource, bytes: number): void;
  setState(state: Omit<ScannerState, 'since'>): void;
  markDisconnected(key: string, code: ErrorCode | null): void;
  forget(key: string): void;
  keysOfMode(mode: ScannerState['mode']): string[];
  states(): ScannerState[];
}

export function createScannerFleet(deps: {
  profiles: ScannerProfiles;
  intake: ScanIntake;
  events: EventBus;
  clock: Clock;
}): ScannerFleet {
  const states = new Map<string, ScannerState>();

  function setState(next: Omit<ScannerState, 'since'>): void {
    const prev = states.get(next.deviceKey);
    const same =
      prev &&
      prev.state === next.state &&
      prev.layout === next.layout &&
      prev.path === next.path &&
      prev.label === next.label &&
      prev.error?.code === next.error?.code;
    if (same) return;
    const at = deps.clock.now();
    const scanner = { ...next, since: at };
    states.set(next.deviceKey, scanner);
    deps.events.publish({ type: 'device.status', at, scanner });
  }

  return {
    profiles: deps.profiles,
    now: () => deps.clock.now(),
    scan: (input, origin) => void deps.intake.submit(input, origin),
    discarded(deviceKey, deviceLabel, source, reason, bytes) {
      if (reason === 'closed') return; // we closed it ourselves (settings changed, shutdown)
      deps.events.publish({
        type: 'scan.discarded',
        at: deps.clock.now(),
        deviceKey,
        deviceLabel,
        source,
        reason,
        bytes,
      });
    },
    receiving(deviceKey, deviceLabel, source, bytes) {
      deps.events.publish({
        type: 'scan.receiving',
        at: deps.clock.now(),
        deviceKey,
        deviceLabel,
        source,
        bytes,
      });
    },
    setState,
    markDisconnected(key, code) {
      const prev = states.get(key);
      if (!prev || prev.state === 'disconnected') return;
      setState({
        ...prev,
        state: 'disconnected',
        error: code ? { code, message: errorMessage(code) } : null,
      });
    },
    forget: (key) => void states.delete(key),
    keysOfMode: (mode) =>
      [...states.values()].filter((s) => s.mode === mode).map((s) => s.deviceKey),
    states: () => [...states.values()],
  };
}
