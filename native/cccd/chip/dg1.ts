/** DG1: the MRZ as stored on the chip (ICAO 9303-10 §4.7.1): 61 { 5F1F <MRZ> }. */
import { ChipError } from './chip-error';
import { parseTd1, type Td1Mrz } from '../mrz';
import { children, findTag, readSingleTlv } from './tlv';

export function parseDg1(bytes: Uint8Array): Td1Mrz {
  const dg = readSingleTlv(bytes, 0x61);
  const mrz = findTag(children(dg), 0x5f1f);
  if (!mrz) throw new ChipError('CHIP_DG_MALFORMED', { file: 'DG1', reason: 'no 5F1F' });
  const text = mrz.value.toString('latin1');
  if (text.length !== 90) {
    // TD3 (passport) or TD2 MRZs are not ID cards of this project's scope.
    throw new ChipError('CHIP_DG_MALFORMED', {
      file: 'DG1',
      reason: 'not a TD1 MRZ',
      length: text.length,
    });
  }
  const parsed = parseTd1(text);
  if (!parsed.ok)
    throw new ChipError('CHIP_DG_MALFORMED', {
      file: 'DG1',
      reason: parsed.error.code,
      field: parsed.error.field,
    });
  return parsed.mrz;
}
