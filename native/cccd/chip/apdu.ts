/**
 * ISO/IEC 7816-4 §5.1 command and response APDUs, short and extended length, and the status
 * words the eMRTD reader acts on.
 */
import { ChipError } from './chip-error';

export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data?: Uint8Array;
  /** Expected response length Ne: 0 = none; up to 256 short, up to 65536 extended. */
  ne?: number;
}

export interface ResponseApdu {
  data: Buffer;
  sw: number;
}

export const SW = {
  OK: 0x9000,
  END_OF_FILE_WARNING: 0x6282,
  WRONG_LENGTH: 0x6700,
  SECURITY_NOT_SATISFIED: 0x6982,
  AUTH_METHOD_BLOCKED: 0x6983,
  REFERENCE_DATA_NOT_USABLE: 0x6984,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  SM_DATA_MISSING: 0x6987,
  SM_DATA_INCORRECT: 0x6988,
  WRONG_DATA: 0x6a80,
  FUNCTION_NOT_SUPPORTED: 0x6a81,
  FILE_NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
} as const;

/** Longest data a short APDU can carry (Lc) and return (Ne). */
export const SHORT_MAX = 256;
export const EXTENDED_MAX = 65536;

export function encodeCommand(apdu: CommandApdu, extended = false): Buffer {
  const data = apdu.data ? Buffer.from(apdu.data) : Buffer.alloc(0);
  const ne = apdu.ne ?? 0;
  const header = Buffer.from([apdu.cla, apdu.ins, apdu.p1, apdu.p2]);
  const useExtended = extended || data.length > 255 || ne > SHORT_MAX;
  if (data.length > 65535 || ne > EXTENDED_MAX) throw new RangeError('APDU too long');
  if (!useExtended) {
    const parts: Buffer[] = [header];
    if (data.length > 0) parts.push(Buffer.from([data.length]), data);
    if (ne > 0) parts.push(Buffer.from([ne === SHORT_MAX ? 0 : ne]));
    return Buffer.concat(parts);
  }
  const le2 = Buffer.from([(ne >> 8) & 0xff, ne & 0xff]); // 65536 encodes as 0000
  const parts: Buffer[] = [header];
  if (data.length > 0) {
    parts.push(Buffer.from([0, data.length >> 8, data.length & 0xff]), data);
    if (ne > 0) parts.push(le2);
  } else if (ne > 0) {
    parts.push(Buffer.from([0]), le2);
  }
  return Buffer.concat(parts);
}

export function parseResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) throw new ChipError('CHIP_RESPONSE_MALFORMED', { length: bytes.length });
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { data: buf.subarray(0, -2), sw: buf.readUInt16BE(buf.length - 2) };
}

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}

/** 63CX: "verification failed, X tries left" (ISO 7816-4 §5.1.3; ICAO 9303-11 §4.4.4 for PACE). */
export function triesLeft(sw: number): number | null {
  return (sw & 0xfff0) === 0x63c0 ? sw & 0x0f : null;
}

export function isSuccess(sw: number): boolean {
  return sw === SW.OK || (sw & 0xff00) === 0x6100;
}
