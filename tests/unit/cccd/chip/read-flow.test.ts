/**
 * The whole read (access control, files, CA, AA) and its verdict, against the simulated chip of
 * tests/support/chip/sim-chip.ts in process. The same reads go through the real PC/SC stack in
 * tests/integration/chip/.
 */
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildChipRecord, compareWithQr } from '../../../../native/cccd/chip/chip-record';
import { readIdCard, type AccessKey } from '../../../../native/cccd/chip/read-id-card';
import { verifyRead } from '../../../../native/cccd/chip/verify-read';
import { chipEcKey, rsaKey, testPki } from '../../../support/chip/pki';
import { SimChip, type SimChipOptions } from '../../../support/chip/sim-chip';
import {
  buildCard,
  buildDg13,
  SYNTHETIC_CAN,
  SYNTHETIC_DG13,
  type CardSpec,
} from '../../../support/chip/synthetic-card';

const NOW = Date.parse('2026-11-24T03:00:00Z');
const pki = testPki();
const anchors = [new X509Certificate(pki.csca)];

function chip(
  spec: Partial<CardSpec> & { ca?: boolean; aa?: boolean },
  options: Partial<SimChipOptions> = {},
) {
  const ca = spec.ca ? chipEcKey() : null;
  const aa = spec.aa ? rsaKey(1024) : null;
  const card = buildCard({
    pki,
    pace: true,
    caPublic: ca?.publicKey ?? null,
    aaPublic: aa?.publicKey ?? null,
    ...spec,
  });
  const sim = new SimChip({
    files: card.files,
    mrz: card.mrz,
    can: SYNTHETIC_CAN,
    pace: spec.pace ?? true,
    extendedLength: false,
    ...(ca ? { caPrivate: ca.privateScalar } : {}),
    ...(aa ? { aaPrivate: aa.privateKey } : {}),
    ...options,
  });
  return {
    sim,
    link: { transmit: (apdu: Uint8Array) => Promise.resolve(sim.transmit(Buffer.from(apdu))) },
  };
}

const CAN: AccessKey = { kind: 'can', can: SYNTHETIC_CAN };
const MRZ: AccessKey = {
  kind: 'mrz',
  documentNumber: '203000123',
  birthDate: '030515',
  expiryDate: '280515',
};

describe('reading a Vietnamese ID card chip', () => {
  it('PACE with the CAN, CA and AA: every check passes and the verdict is "genuine"', async () => {
    const { link } = chip({ ca: true, aa: true });
    const read = await readIdCard(link, { key: CAN, extendedLength: false });
    expect(read.method).toBe('pace');
    expect([...read.groups.keys()].sort((a, b) => a - b)).toEqual([1, 2, 13, 14, 15]);
    const v = verifyRead(read, anchors, NOW);
    expect(v.checks.map((c) => [c.id, c.status])).toEqual([
      ['DG_HASHES', 'pass'],
      ['SOD_SIGNATURE', 'pass'],
      ['ISSUER_TRUST', 'pass'],
      ['CERT_VALIDITY', 'pass'],
      ['CHIP_AUTH', 'pass'],
      ['ACTIVE_AUTH', 'pass'],
    ]);
    expect(v.verdict).toBe('genuine');
    const record = buildChipRecord(read.groups);
    expect(record.dg13).toMatchObject({
      fullName: 'Nguyễn Văn An',
      fatherName: 'Nguyễn Văn Bình',
      motherName: 'Trần Thị Cúc',
      ethnicity: 'Kinh',
    });
    expect(record.photo?.format).toBe('jpeg');
    expect(record.mrz?.idNumber).toBe('079203000123');
  });

  it('PACE with the MRZ works too; without CA/AA the verdict says the clone check is missing', async () => {
    const { link } = chip({});
    const read = await readIdCard(link, { key: MRZ, extendedLength: false });
    expect(read.method).toBe('pace');
    expect(verifyRead(read, anchors, NOW).verdict).toBe('clone_not_checked');
  });

  it('falls back to BAC with the MRZ when the chip has no EF.CardAccess', async () => {
    const { link } = chip({ pace: false });
    const read = await readIdCard(link, { key: MRZ, extendedLength: false });
    expect(read.method).toBe('bac');
  });

  it('a CAN cannot open a BAC-only chip: a clear code asks for the MRZ', async () => {
    const { link } = chip({ pace: false });
    await expect(readIdCard(link, { key: CAN, extendedLength: false })).rejects.toMatchObject({
      code: 'CHIP_PACE_UNSUPPORTED',
    });
  });

  it('an unknown issuer gives "issuer_not_verified", never "genuine"', async () => {
    const { link } = chip({ ca: true, aa: true });
    const read = await readIdCard(link, { key: CAN, extendedLength: false });
    const other = new X509Certificate(testPki('VN', 'Other').csca);
    const v = verifyRead(read, [other], NOW);
    expect(v.verdict).toBe('issuer_not_verified');
    expect(v.checks.find((c) => c.id === 'ISSUER_TRUST')).toMatchObject({
      status: 'not_done',
      reason: 'CSCA_UNKNOWN',
    });
  });

  it('a DG13 changed after signing fails the hash check', async () => {
    const { link } = chip({
      tamper: (g) =>
        g.set(
          13,
          buildDg13({
            ...SYNTHETIC_DG13,
            fields: { ...SYNTHETIC_DG13.fields, 2: 'Nguyễn Văn Ân' },
          }),
        ),
    });
    const read = await readIdCard(link, { key: CAN, extendedLength: false });
    const v = verifyRead(read, anchors, NOW);
    expect(v.verdict).toBe('not_genuine');
    expect(v.checks[0]).toMatchObject({
      id: 'DG_HASHES',
      status: 'fail',
      reason: 'HASH_MISMATCH',
      detail: { dataGroups: [13] },
    });
  });

  it('a clone (data copied, no CA private key) fails Chip Authentication', async () => {
    const { link } = chip({ ca: true }, { cloneWithoutCaKey: true });
    const read = await readIdCard(link, { key: CAN, extendedLength: false });
    expect(read.chipAuth).toMatchObject({ status: 'fail' });
    expect(read.groups.has(13)).toBe(true); // the rest was still read after re-opening access
    expect(verifyRead(read, anchors, NOW).verdict).toBe('not_genuine');
  });

  it('a wrong CAN is refused with a code the UI counts', async () => {
    const { link } = chip({});
    await expect(
      readIdCard(link, { key: { kind: 'can', can: '000000' }, extendedLength: false }),
    ).rejects.toMatchObject({
      code: 'CHIP_ACCESS_KEY_REJECTED',
    });
  });

  it('a card removed mid-read stops with CHIP_CARD_REMOVED and no record', async () => {
    const { link } = chip({}, { removeAtApdu: 14 });
    await expect(readIdCard(link, { key: CAN, extendedLength: false })).rejects.toMatchObject({
      code: 'CHIP_CARD_REMOVED',
    });
  });

  it('reads in extended-length chunks when the chip takes them: fewer APDUs, same bytes', async () => {
    const short = await readIdCard(chip({}, { extendedLength: true }).link, {
      key: CAN,
      extendedLength: false,
    });
    const long = await readIdCard(chip({}, { extendedLength: true }).link, {
      key: CAN,
      extendedLength: true,
    });
    expect(long.groups.get(2)).toEqual(short.groups.get(2));
    expect(long.apduCount).toBeLessThan(short.apduCount);
  });

  it('the chip data is compared with the QR and disagreements are listed', async () => {
    const read = await readIdCard(chip({}).link, { key: CAN, extendedLength: false });
    const record = buildChipRecord(read.groups);
    const diff = compareWithQr(record, {
      idNumber: '079203000123',
      oldIdNumber: '123456789',
      fullName: 'NGUYỄN VĂN AN',
      dateOfBirth: '2003-05-15',
      sex: 'male',
      address: 'Số 2 Đường Khác',
      issueDate: '2021-07-01',
    });
    expect(diff).toEqual([
      { field: 'address', qr: 'Số 2 Đường Khác', chip: SYNTHETIC_DG13.fields[9] },
    ]);
  });
});
