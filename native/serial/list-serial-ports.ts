import { autoDetect } from '@serialport/bindings-cpp';

export interface SerialPortInfo {
  path: string;
  manufacturer: string | null;
  vendorId: string | null;
  productId: string | null;
  serialNumber: string | null;
}

/** The serial ports the OS reports (COMx, /dev/ttyACM*, /dev/ttyUSB*, /dev/ttyS*). */
export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  const ports = await autoDetect().list();
  return ports.map((p: (typeof ports)[number]) => ({
    path: p.path,
    manufacturer: p.manufacturer ?? null,
    vendorId: p.vendorId ?? null,
    productId: p.productId ?? null,
    serialNumber: p.serialNumber ?? null,
  }));
}
