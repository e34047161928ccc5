import type { CallOutput } from '../../../api/contract';
import {
  COMMON_OPTIONS,
  EXIT,
  parseCommandArgs,
  printJson,
  writeLine,
  type Command,
} from '../cli-kit';
import { withCliServices } from '../open-services';

const hex4 = (n: number | null) => (n === null ? '----' : n.toString(16).padStart(4, '0'));

/** `devices list`: what IT staff check first when a scanner "does nothing". */
export const devicesListCommand: Command = {
  name: 'devices list',
  summary: 'Liệt kê thiết bị HID (máy quét HID POS được đánh dấu) và cổng COM',
  usage: 'devices list [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, COMMON_OPTIONS);
    return withCliServices(io, values['data-dir'], values.json, async ({ call }) => {
      const list = (await call('devices.list')) as CallOutput<'devices.list'>;
      if (values.json) {
        printJson(io, { hid: list.hid, serialPorts: list.serialPorts, problems: list.problems });
        return EXIT.ok;
      }
      writeLine(io.stdout, `Thiết bị HID (${list.hid.length}):`);
      for (const d of list.hid) {
        const pos = d.barcodePos ? ' [máy quét HID POS]' : '';
        writeLine(
          io.stdout,
          `  ${hex4(d.vendorId)}:${hex4(d.productId)} trang ${hex4(d.usagePage)}/${hex4(d.usage)}${pos}  ${d.product ?? ''}  ${d.path ?? ''}`,
        );
      }
      writeLine(io.stdout, `Cổng COM (${list.serialPorts.length}):`);
      for (const p of list.serialPorts)
        writeLine(io.stdout, `  ${p.path}  ${p.manufacturer ?? ''}`);
      for (const p of list.problems) writeLine(io.stderr, `Lỗi [${p.code}]: ${p.message}`);
      return EXIT.ok;
    });
  },
};
