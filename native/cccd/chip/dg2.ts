/**
 * DG2, the face (ICAO 9303-10 §4.7.2; ISO/IEC 19794-5:2005 §5): 75 { 7F61 { 02 count, 7F60 {
 * A1 header, 5F2E data } } }. The data is a facial record ("FAC\0" + "010\0") whose image
 * information block says JPEG (0) or JPEG 2000 (1); the image bytes follow it.
 */
import { ChipError } from './chip-error';
import { children, findTag, readSingleTlv, type Tlv } from './tlv';

export type FaceImageFormat = 'jpeg' | 'jp2';

export interface FaceImage {
  format: FaceImageFormat;
  width: number | null;
  height: number | null;
  data: Buffer;
}

const JPEG_SOI = Buffer.from([0xff, 0xd8, 0xff]);
const JP2_BOX = Buffer.from('0000000C6A5020200D0A870A', 'hex');
const J2K_SOC = Buffer.from([0xff, 0x4f, 0xff, 0x51]);

export function sniffImage(data: Uint8Array): FaceImageFormat | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.subarray(0, 3).equals(JPEG_SOI)) return 'jpeg';
  if (buf.subarray(0, 12).equals(JP2_BOX) || buf.subarray(0, 4).equals(J2K_SOC)) return 'jp2';
  return null;
}

function bad(reason: string): never {
  throw new ChipError('CHIP_DG_MALFORMED', { file: 'DG2', reason });
}

function facialRecord(record: Buffer): FaceImage {
  if (record.length < 46 || record.toString('latin1', 0, 4) !== 'FAC\0') {
    // Some chips store the bare image; accept it when it is recognisably one.
    const format = sniffImage(record);
    if (format) return { format, width: null, height: null, data: record };
    return bad('no facial record header');
  }
  const faceStart = 14; // general header: "FAC\0" "010\0" length(4) faces(2)
  const points = record.readUInt16BE(faceStart + 4);
  const imageInfo = faceStart + 20 + points * 8;
  const dataStart = imageInfo + 12;
  if (dataStart >= record.length) bad('image block past the end');
  const data = record.subarray(dataStart);
  const declared = record[imageInfo + 1] === 1 ? 'jp2' : 'jpeg';
  const format =
    sniffImage(data) ?? bad(`image is neither JPEG nor JPEG 2000 (declared ${declared})`);
  return {
    format,
    width: record.readUInt16BE(imageInfo + 2),
    height: record.readUInt16BE(imageInfo + 4),
    data,
  };
}

/** The first face image of DG2. */
export function parseDg2(bytes: Uint8Array): FaceImage {
  const dg = readSingleTlv(bytes, 0x75);
  const group = findTag(children(dg), 0x7f61) ?? bad('no 7F61 group');
  const instance: Tlv = findTag(children(group), 0x7f60) ?? bad('no 7F60 template');
  const parts = children(instance);
  const data = findTag(parts, 0x5f2e) ?? findTag(parts, 0x7f2e) ?? bad('no biometric data block');
  return facialRecord(data.value);
}
