/**
 * One conversation with a chip over any APDU link (PC/SC, a vendor bridge, a simulated chip):
 * plain or secure messaging, SELECT and READ BINARY with chunking. No I/O of its own — the link
 * is injected — so it runs the same against pcscd, the emulator and recorded traces.
 */
import { ChipError } from './chip-error';
import {
  encodeCommand,
  parseResponse,
  SW,
  swHex,
  type CommandApdu,
  type ResponseApdu,
} from './apdu';
import type { SecureChannel } from './secure-messaging';
import { readTlvHeader } from './tlv';

export interface ApduLink {
  /** Sends one command APDU, resolves with the response (data + SW1 SW2). */
  transmit(command: Uint8Array): Promise<Uint8Array>;
}

/** eMRTD application (ICAO 9303-10 §3.6.2; cccd-formats.md §3.1). */
export const EMRTD_AID = Buffer.from('A0000002471001', 'hex');

/**
 * Plain short reads stay at 0xDF (223) bytes: with secure messaging the protected answer
 * (DO'87' with padding, DO'99', DO'8E') then still fits in 256 bytes, which readers that refuse
 * longer frames (some ACS models, acsccid issue 42) accept.
 */
export const SHORT_CHUNK = 0xdf;
/** Extended reads: well under the 64 KiB limit and under typical CCID buffers (~ 4 KiB). */
export const EXTENDED_CHUNK = 0xe00;
/** READ BINARY with INS B0 addresses at most 15 bits of offset (ISO 7816-4 §7.2.3). */
const MAX_B0_OFFSET = 0x7fff;

export interface SessionOptions {
  extendedLength: boolean;
  /** Called after every APDU exchanged (for progress and counting). */
  onApdu?: () => void;
  /** Checked before each APDU; a cancelled read stops cleanly. */
  cancelled?: () => boolean;
}

export class ChipSession {
  sm: SecureChannel | null = null;
  apduCount = 0;
  readonly extendedLength: boolean;

  constructor(
    private readonly link: ApduLink,
    private readonly options: SessionOptions,
  ) {
    this.extendedLength = options.extendedLength;
  }

  /** Sends `apdu`, protected when a secure channel is up. */
  async send(apdu: CommandApdu): Promise<ResponseApdu> {
    if (this.options.cancelled?.()) throw new ChipError('CHIP_CANCELLED');
    const extended = this.extendedLength && (apdu.ne ?? 0) > 256;
    const sm = this.sm;
    const bytes = sm ? sm.wrap(apdu, extended) : encodeCommand(apdu, extended);
    let raw: Uint8Array;
    try {
      raw = await this.link.transmit(bytes);
    } catch (error) {
      sm?.rollbackCommand();
      throw error;
    }
    this.apduCount += 1;
    this.options.onApdu?.();
    const response = parseResponse(raw);
    if (!sm) return response;
    if (response.data.length === 0 && response.sw !== SW.OK) {
      // A bare status word means the chip dropped secure messaging (ICAO 9303-11 §9.8.7).
      this.sm = null;
      return response;
    }
    return sm.unwrap(response);
  }

  async selectApplication(): Promise<void> {
    const r = await this.send({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: EMRTD_AID });
    if (r.sw !== SW.OK) throw new ChipError('CHIP_NOT_ID_CARD', { sw: swHex(r.sw) });
  }

  /** Selects an EF by file id; false when the chip has no such file. */
  async selectFile(fid: number): Promise<boolean> {
    const r = await this.send({
      cla: 0,
      ins: 0xa4,
      p1: 0x02,
      p2: 0x0c,
      data: Buffer.from([fid >> 8, fid & 0xff]),
    });
    if (r.sw === SW.OK) return true;
    if (r.sw === SW.FILE_NOT_FOUND) return false;
    if (r.sw === SW.SECURITY_NOT_SATISFIED || r.sw === SW.CONDITIONS_NOT_SATISFIED) {
      throw new ChipError('CHIP_ACCESS_DENIED', { fid: fid.toString(16), sw: swHex(r.sw) });
    }
    throw new ChipError('CHIP_STATUS_UNEXPECTED', {
      step: 'select',
      fid: fid.toString(16),
      sw: swHex(r.sw),
    });
  }

  async readBinary(offset: number, length: number): Promise<Buffer> {
    if (offset > MAX_B0_OFFSET) {
      throw new ChipError('CHIP_LENGTH_OVERSIZED', { offset, limit: MAX_B0_OFFSET });
    }
    const r = await this.send({
      cla: 0,
      ins: 0xb0,
      p1: offset >> 8,
      p2: offset & 0xff,
      ne: length,
    });
    if (r.sw === SW.OK || r.sw === SW.END_OF_FILE_WARNING) return r.data;
    if (r.sw === SW.SECURITY_NOT_SATISFIED) {
      throw new ChipError('CHIP_ACCESS_DENIED', { step: 'read', sw: swHex(r.sw) });
    }
    if (r.sw === SW.WRONG_LENGTH || (r.sw & 0xff00) === 0x6c00) {
      throw new ChipError('CHIP_STATUS_UNEXPECTED', {
        step: 'read',
        sw: swHex(r.sw),
        lengthRefused: true,
      });
    }
    throw new ChipError('CHIP_STATUS_UNEXPECTED', { step: 'read', sw: swHex(r.sw) });
  }

  /**
   * Reads a whole EF whose content is one TLV: first its header (tag + length), then the rest
   * in chunks. null when the file does not exist.
   */
  async readFile(
    fid: number,
    onBytes?: (read: number, total: number) => void,
  ): Promise<Buffer | null> {
    if (!(await this.selectFile(fid))) return null;
    const head = await this.readBinary(0, 8);
    const header = readTlvHeader(head, 0);
    if (!header)
      throw new ChipError('CHIP_TLV_MALFORMED', { reason: 'file header', fid: fid.toString(16) });
    const total = header.headerLength + header.length;
    if (total > MAX_B0_OFFSET + EXTENDED_CHUNK) {
      throw new ChipError('CHIP_LENGTH_OVERSIZED', { fid: fid.toString(16), length: total });
    }
    const chunks: Buffer[] = [head.subarray(0, Math.min(head.length, total))];
    let read = chunks[0]!.length;
    onBytes?.(read, total);
    const chunk = this.extendedLength ? EXTENDED_CHUNK : SHORT_CHUNK;
    while (read < total) {
      const part = await this.readBinary(read, Math.min(chunk, total - read));
      if (part.length === 0) {
        throw new ChipError('CHIP_RESPONSE_MALFORMED', {
          reason: 'empty read',
          fid: fid.toString(16),
          read,
          total,
        });
      }
      chunks.push(part.subarray(0, total - read));
      read += Math.min(part.length, total - read);
      onBytes?.(read, total);
    }
    return Buffer.concat(chunks);
  }
}
