/**
 * The chip services on a real SQLite file, without a reader: the CSCA trust store (PEM, DER,
 * master list, refusals), vendor JSON records (text-only and with raw files verified by us), the
 * JPEG 2000 photo conversion, and the CLI's usage errors.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../electron/api/events';
import { APP_ROOT } from '../../../electron/host/app-root';
import { jp2ToPng } from '../../../electron/services/chip/photo';
import { createServices } from '../../../electron/services/create-services';
import { fixedClock } from '../../../electron/services/shared/clock';
import { buildMasterList } from '../../support/chip/master-list';
import { testPki } from '../../support/chip/pki';
import { buildCard, faceJp2 } from '../../support/chip/synthetic-card';
import { runCli } from '../../support/run-cli';
import { openTestServices, TEST_NOW } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

process.env.MOTCUA_PCSC = 'off';
const tempDir = useTempDirs();
const pki = testPki();
const b64 = (b: Buffer) => b.toString('base64');

describe('CSCA trust store', () => {
  it('imports DER and PEM, ignores duplicates, refuses non-CA certificates and garbage', async () => {
    const { services, dispatcher } = openTestServices(tempDir());
    try {
      expect(
        await dispatcher.dispatch('chip.trustImport', {
          fileName: 'csca.der',
          contentBase64: b64(pki.csca),
        }),
      ).toMatchObject({
        ok: true,
        value: { imported: 1, alreadyPresent: 0 },
      });
      const pem = `-----BEGIN CERTIFICATE-----\n${b64(pki.csca)}\n-----END CERTIFICATE-----\n`;
      expect(
        await dispatcher.dispatch('chip.trustImport', {
          fileName: 'csca.pem',
          contentBase64: b64(Buffer.from(pem)),
        }),
      ).toMatchObject({
        ok: true,
        value: { imported: 0, alreadyPresent: 1 },
      });
      expect(
        await dispatcher.dispatch('chip.trustImport', {
          fileName: 'ds.der',
          contentBase64: b64(pki.ds),
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'TRUST_NOT_CA' },
      });
      expect(
        await dispatcher.dispatch('chip.trustImport', {
          fileName: 'x.bin',
          contentBase64: b64(Buffer.from('not a certificate')),
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'TRUST_FILE_INVALID' },
      });
      const list = await dispatcher.dispatch('chip.trustList');
      expect(list.ok && list.value.map((a) => a.country)).toEqual(['VN']);
      const fingerprint = list.ok ? list.value[0]!.fingerprint : '';
      expect(await dispatcher.dispatch('chip.trustRemove', { fingerprint })).toMatchObject({
        ok: true,
        value: { removed: true },
      });
    } finally {
      services.close();
    }
  });

  it('imports the CSCAs of a signed master list and refuses one whose signature was altered', async () => {
    const other = testPki('DE', 'German');
    const good = buildMasterList(pki, [pki.csca, other.csca]);
    const { services, dispatcher } = openTestServices(tempDir());
    try {
      expect(
        await dispatcher.dispatch('chip.trustImport', {
          fileName: 'ml.bin',
          contentBase64: b64(good),
        }),
      ).toMatchObject({
        ok: true,
        value: { imported: 2 },
      });
      const bad = buildMasterList(pki, [testPki('FR', 'French').csca], true);
      expect(
        await dispatcher.dispatch('chip.trustImport', {
          fileName: 'bad.ml',
          contentBase64: b64(bad),
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'TRUST_MASTER_LIST_INVALID' },
      });
    } finally {
      services.close();
    }
  });

  it('CLI: card trust import / list, and usage errors exit 2', async () => {
    const dir = tempDir();
    const file = join(dir, 'csca.der');
    writeFileSync(file, pki.csca);
    const run = await runCli(['card', 'trust', 'import', file, '--json'], { dataDir: dir });
    expect(run.code, run.stderr).toBe(0);
    const list = await runCli(['card', 'trust', 'list', '--json'], { dataDir: dir });
    expect(JSON.parse(list.stdout)).toHaveLength(1);
    expect((await runCli(['card', 'read', '--json'], { dataDir: dir })).code).toBe(2);
    expect((await runCli(['card', 'read', '--can', '12345'], { dataDir: dir })).code).toBe(2);
    const disabled = await runCli(['card', 'read', '--can', '000123', '--json'], { dataDir: dir });
    expect(disabled.code).toBe(1);
    expect(JSON.parse(disabled.stdout)).toMatchObject({
      ok: false,
      error: { code: 'PCSC_UNAVAILABLE' },
    });
  });
});

describe('vendor readers pushing JSON (cccd-formats.md §5)', () => {
  it('HN-212 with raw DG13/DG2 and EF.SOD: we verify the files ourselves', async () => {
    const card = buildCard({ pki });
    const { services, dispatcher } = openTestServices(tempDir());
    try {
      await dispatcher.dispatch('chip.trustImport', {
        fileName: 'csca.der',
        contentBase64: b64(pki.csca),
      });
      const payload = {
        events: [
          {
            id: 2,
            data: {
              idCode: '079203000123',
              personName: 'Nguyễn Văn An',
              dateOfBirth: '15/05/2003',
              gender: 'Nam',
            },
          },
          {
            id: 4,
            data: {
              DG1: b64(card.groups.get(1)!),
              DG2: b64(card.groups.get(2)!),
              DG13: b64(card.groups.get(13)!),
              SOD: b64(card.files.get(0x011d)!),
            },
          },
        ],
      };
      const r = await dispatcher.dispatch('chip.vendorIngest', { format: 'hn212', payload });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      expect(r.value.method).toBe('vendor');
      expect(r.value.verdict).toBe('clone_not_checked');
      expect(r.value.citizen).toMatchObject({
        fullName: 'Nguyễn Văn An',
        fatherName: 'Nguyễn Văn Bình',
        ethnicity: 'Kinh',
      });
      expect(r.value.photo?.mime).toBe('image/jpeg');
    } finally {
      services.close();
    }
  });

  it('CICClient text-only push: the device flags decide, and a failed integrity flag is "not genuine"', async () => {
    const { services, dispatcher } = openTestServices(tempDir());
    try {
      const personalData = {
        idCode: '079203000123',
        personName: 'Nguyễn Văn An',
        dateOfBirth: '15/05/2003',
        gender: 'Nam',
        race: 'Kinh',
        originPlace: 'Hà Nội',
      };
      const ok = await dispatcher.dispatch('chip.vendorIngest', {
        format: 'cicclient',
        payload: {
          personalData,
          validation: { cardIntegrityResult: true },
          session: { deviceName: 'CIC-01' },
        },
      });
      expect(ok).toMatchObject({
        ok: true,
        value: {
          verdict: 'vendor_reported',
          source: 'CIC-01',
          citizen: { dateOfBirth: '2003-05-15', sex: 'male', ethnicity: 'Kinh' },
        },
      });
      const bad = await dispatcher.dispatch('chip.vendorIngest', {
        format: 'cicclient',
        payload: { personalData, validation: { cardIntegrityResult: 'false' } },
      });
      expect(bad).toMatchObject({ ok: true, value: { verdict: 'not_genuine' } });
      for (const [format, payload] of [
        ['websocket', { event: 'EMPTY' }],
        ['hn212', { id: 3, data: { message: 'read error' } }],
        ['cicclient', 'not json {'],
        ['cicclient', { personalData: {} }],
      ] as const) {
        expect(await dispatcher.dispatch('chip.vendorIngest', { format, payload })).toMatchObject({
          ok: false,
          error: { code: 'VENDOR_PAYLOAD_INVALID' },
        });
      }
    } finally {
      services.close();
    }
  });
});

describe('vendor middleware pushing over HTTP (loopback receiver)', () => {
  it('a POSTed CICClient record reaches the UI as an event; bad bodies get 400 with the code', async () => {
    const services = createServices({
      dataDir: tempDir(),
      appRoot: APP_ROOT,
      appVersion: 'test',
      host: 'web',
      clock: fixedClock(TEST_NOW),
      vendorPushPort: 0,
    });
    try {
      const receiver = await services.vendorReceiver!;
      const records: AppEvent[] = [];
      services.events.subscribe((e) => e.type === 'chip.vendorRecord' && records.push(e));
      const url = `http://127.0.0.1:${receiver!.port}/cccd?format=cicclient`;
      const body = {
        personalData: { idCode: '079203000123', personName: 'Nguyễn Văn An', gender: 'Nam' },
        validation: { cardIntegrityResult: true },
      };
      const ok = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ ok: true, verdict: 'vendor_reported' });
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        result: { citizen: { fullName: 'Nguyễn Văn An', sex: 'male' } },
      });
      const bad = await fetch(url, { method: 'POST', body: '{"personalData": ' });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({
        ok: false,
        error: { code: 'VENDOR_PAYLOAD_INVALID' },
      });
      expect(
        (await fetch(`http://127.0.0.1:${receiver!.port}/other`, { method: 'POST', body: '{}' }))
          .status,
      ).toBe(404);
    } finally {
      services.close();
    }
  });
});

describe('face photo', () => {
  it('turns a JPEG 2000 face into a PNG of the same size', async () => {
    const png = await jp2ToPng(faceJp2());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([60, 80]);
    const idat = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    expect(raw.length).toBe((60 * 3 + 1) * 80);
  });
});
