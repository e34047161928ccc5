/**
 * node-hid access: listing (real enumeration through hidapi) and opening. The native module is
 * loaded lazily so a machine where it cannot load still starts, with a clear error code.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createRequire } from 'node:module';
import type { HidDeviceLike } from './hid-pos-reader';
import { BARCODE_SCANNER_USAGE, BARCODE_USAGE_PAGE } from './pos-layouts';

export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  usagePage: number | null;
  usage: number | null;
  product: string | null;
  manufacturer: string | null;
  serialNumber: string | null;
  interface: number;
  path: string | null;
}

interface NodeHidModule {
  devicesAsync(): Promise<
    {
      vendorId: number;
      productId: number;
      usagePage?: number;
      usage?: number;
      product?: string;
      manufacturer?: string;
      serialNumber?: string;
      interface: number;
      path?: string;
    }[]
  >;
  HIDAsync: { open(path: string, options?: { nonExclusive?: boolean }): Promise<HidDeviceLike> };
}

export class HidUnavailableError extends Error {
  readonly code = 'HID_UNAVAILABLE';
}

let nodeHid: NodeHidModule | null = null;
function loadNodeHid(): NodeHidModule {
  if (nodeHid) return nodeHid;
  try {
    nodeHid = createRequire(import.meta.url)('node-hid') as NodeHidModule;
    return nodeHid;
  } catch (error) {
    throw new HidUnavailableError(`node-hid could not load: ${(error as Error).message}`);
  }
}

export async function listHidDevices(): Promise<HidDeviceInfo[]> {
  const devices = await loadNodeHid().devicesAsync();
  return devices.map((d) => ({
    vendorId: d.vendorId,
    productId: d.productId,
    usagePage: d.usagePage ?? null,
    usage: d.usage ?? null,
    product: d.product ?? null,
    manufacturer: d.manufacturer ?? null,
    serialNumber: d.serialNumber ? d.serialNumber : null,
    interface: d.interface,
    path: d.path ?? null,
  }));
}

/** HID POS bar code scanner collection (usage page 0x8C, usage 0x02; scanners.md §1.1). */
export function isBarcodePos(device: HidDeviceInfo): boolean {
  return device.usagePage === BARCODE_USAGE_PAGE && device.usage === BARCODE_SCANNER_USAGE;
}

export async function openHidDevice(path: string): Promise<HidDeviceLike> {
  return loadNodeHid().HIDAsync.open(path, { nonExclusive: true });
}

/**
 * node-hid does not expose the report descriptor; on Linux the kernel publishes it in sysfs for
 * every hidraw node (readable without root). Elsewhere null: the layout is then guessed.
 */
export async function readReportDescriptor(path: string | null): Promise<Uint8Array | null> {
  if (!path || !/^\/dev\/hidraw\d+$/.test(path)) return null;
  try {
    return await readFile(`/sys/class/hidraw/${basename(path)}/device/report_descriptor`);
  } catch {
    return null;
  }
}
