/**
 * Logical Data Structure of the eMRTD application (ICAO 9303-10 §4.6–4.7): file ids, the tags
 * that wrap each data group, and EF.COM.
 */
import { ChipError } from './chip-error';
import { children, findTag, readSingleTlv } from './tlv';

export const FILE_ID = {
  COM: 0x011e,
  SOD: 0x011d,
  DG1: 0x0101,
  DG2: 0x0102,
  DG13: 0x010d,
  DG14: 0x010e,
  DG15: 0x010f,
} as const;

/** DG number → file id (0x0100 + n) and the tag of its template. */
export const DG_TAG: Readonly<Record<number, number>> = {
  1: 0x61,
  2: 0x75,
  3: 0x63,
  4: 0x76,
  5: 0x65,
  6: 0x66,
  7: 0x67,
  8: 0x68,
  9: 0x69,
  10: 0x6a,
  11: 0x6b,
  12: 0x6c,
  13: 0x6d,
  14: 0x6e,
  15: 0x6f,
  16: 0x70,
};

export function dgFileId(dg: number): number {
  return 0x0100 + dg;
}

export function dgOfTag(tag: number): number | null {
  for (const [dg, t] of Object.entries(DG_TAG)) if (t === tag) return Number(dg);
  return null;
}

export interface EfCom {
  ldsVersion: string;
  unicodeVersion: string;
  dataGroups: number[];
  /** Tags in the list that name no known data group: reported, never fatal. */
  unknownTags: number[];
}

export function parseEfCom(bytes: Uint8Array): EfCom {
  const com = readSingleTlv(bytes, 0x60);
  const parts = children(com);
  const list = findTag(parts, 0x5c);
  if (!list) throw new ChipError('CHIP_DG_MALFORMED', { file: 'EF.COM', reason: 'no tag list' });
  const dataGroups: number[] = [];
  const unknownTags: number[] = [];
  for (const tag of list.value) {
    const dg = dgOfTag(tag);
    if (dg === null) unknownTags.push(tag);
    else dataGroups.push(dg);
  }
  return {
    ldsVersion: findTag(parts, 0x5f01)?.value.toString('latin1') ?? '',
    unicodeVersion: findTag(parts, 0x5f36)?.value.toString('latin1') ?? '',
    dataGroups,
    unknownTags,
  };
}
