/**
 * Reads every HID POS barcode scanner (usage page 0x8C) in the background. node-hid has no
 * hot-plug events (scanners.md §1.4), so the device list is polled: a scanner that disappears
 * (read error) is closed and marked disconnected; when it is listed again it is reopened.
 */
import {
  attachPosReader,
  type HidDeviceLike,
  type PosReader,
} from '../../../native/hid/hid-pos-reader';
import {
  isBarcodePos,
  listHidDevices,
  openHidDevice,
  readReportDescriptor,
  type HidDeviceInfo,
} from '../../../native/hid/hid-devices';
import {
  HONEYWELL_LAYOUT,
  layoutForVendor,
  layoutFromDescriptor,
  NEWLAND_LAYOUT,
  type PosLayout,
} from '../../../native/hid/pos-layouts';
import { parseReportDescriptor } from '../../../native/hid/report-descriptor';
import type { HidSettings, ScannerState } from '../../api/device-schemas';
import { errorMessage } from '../../api/errors';
import type { ScannerFleet } from './scanner-fleet';

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** Stable across replugs (the hidraw path is not): serial number, else the interface number. */
export function hidDeviceKey(d: HidDeviceInfo): string {
  return `hid:${hex4(d.vendorId)}:${hex4(d.productId)}:${d.serialNumber ?? `if${d.interface}`}`;
}

export function hidLabel(d: HidDeviceInfo): string {
  const name = [d.manufacturer, d.product].filter(Boolean).join(' ').trim();
  return name || `HID ${hex4(d.vendorId)}:${hex4(d.productId)}`;
}

async function chooseLayout(
  d: HidDeviceInfo,
  settings: HidSettings,
  io: HidIo,
): Promise<PosLayout | null> {
  if (settings.layout === 'honeywell') return HONEYWELL_LAYOUT;
  if (settings.layout === 'newland') return NEWLAND_LAYOUT;
  const byVendor = settings.layout === 'auto' ? layoutForVendor(d.vendorId) : null;
  if (byVendor) return byVendor;
  const descriptor = await io.descriptor(d.path);
  if (descriptor) {
    try {
      return layoutFromDescriptor(parseReportDescriptor(descriptor));
    } catch {
      // an unreadable descriptor: fall back to guessing from the first report
    }
  }
  return null;
}

/** node-hid access, replaceable where no USB device can exist (tests feed recorded reports). */
export interface HidIo {
  list(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidDeviceLike>;
  descriptor(path: string | null): Promise<Uint8Array | null>;
}

export const NODE_HID_IO: HidIo = {
  list: listHidDevices,
  open: openHidDevice,
  descriptor: readReportDescriptor,
};

export interface HidScanners {
  poll(): Promise<void>;
  pendingBytes(deviceKey: string): number;
  closeAll(): Promise<void>;
}

export function createHidScanners(fleet: ScannerFleet, io: HidIo = NODE_HID_IO): HidScanners {
  const open = new Map<string, PosReader>();
  const opening = new Set<string>();

  async function openOne(d: HidDeviceInfo): Promise<void> {
    const key = hidDeviceKey(d);
    const profile = fleet.profiles.get(key);
    if (profile && (!profile.enabled || profile.mode !== 'hid_pos')) return;
    const label = profile?.label ?? hidLabel(d);
    const settings: HidSettings =
      profile?.mode === 'hid_pos' ? profile.settings : { layout: 'auto' };
    opening.add(key);
    try {
      const layout = await chooseLayout(d, settings, io);
      const device = await io.open(d.path!);
      const reader = attachPosReader(
        device,
        {
          onScan: (scan, at) =>
            fleet.scan(
              { bytes: scan.bytes, source: 'hid_pos', at },
              {
                deviceKey: key,
                deviceLabel: label,
                layout: scan.layout,
                aim: scan.aim,
                reports: scan.reports,
              },
            ),
          onDiscard: (reason, bytes) => fleet.discarded(key, label, 'hid_pos', reason, bytes),
          onPartial: (bytes) => fleet.receiving(key, label, 'hid_pos', bytes),
          onGone: () => {
            open.delete(key);
            fleet.setState(state(key, label, d, 'disconnected', layout, 'DEVICE_GONE'));
          },
        },
        { layout, now: fleet.now },
      );
      open.set(key, reader);
      fleet.setState(state(key, label, d, 'connected', reader.layout, null));
    } catch {
      fleet.setState(state(key, label, d, 'failed', null, 'HID_OPEN_FAILED'));
    } finally {
      opening.delete(key);
    }
  }

  return {
    async poll() {
      const present = (await io.list()).filter((d) => isBarcodePos(d) && d.path);
      const keys = new Set(present.map(hidDeviceKey));
      for (const [key, reader] of open) {
        const profile = fleet.profiles.get(key);
        if (!keys.has(key) || (profile && !profile.enabled)) {
          await reader.close();
          open.delete(key);
          fleet.markDisconnected(key, keys.has(key) ? null : 'DEVICE_GONE');
        }
      }
      for (const key of fleet.keysOfMode('hid_pos')) {
        if (!keys.has(key)) fleet.markDisconnected(key, 'DEVICE_GONE');
      }
      // A scanner that failed to open (permissions) is retried: IT may fix the udev rule live.
      for (const d of present) {
        const key = hidDeviceKey(d);
        if (!open.has(key) && !opening.has(key)) await openOne(d);
      }
    },
    pendingBytes: (key) => open.get(key)?.pendingBytes ?? 0,
    async closeAll() {
      for (const reader of open.values()) await reader.close();
      open.clear();
    },
  };
}

function state(
  deviceKey: string,
  label: string,
  d: HidDeviceInfo,
  value: ScannerState['state'],
  layout: PosLayout | null,
  code: 'DEVICE_GONE' | 'HID_OPEN_FAILED' | null,
): Omit<ScannerState, 'since'> {
  return {
    deviceKey,
    mode: 'hid_pos',
    label,
    state: value,
    path: d.path,
    layout: layout?.name ?? (value === 'connected' ? 'auto' : null),
    error: code ? { code, message: errorMessage(code) } : null,
  };
}
