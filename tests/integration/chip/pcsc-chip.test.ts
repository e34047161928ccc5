/**
 * End to end through the real PC/SC stack: pcscd + vsmartcard's vpcd reader, with (a) Debian's
 * vicc ePass emulator (BAC + secure messaging) serving a synthetic Vietnamese card signed by a
 * test CSCA made here, and (b) our simulated chip (PACE, CA, AA) on the same virtual reader.
 * Reads go through our transport, the services and the CLI as a user runs them. One pcscd/vpcd
 * per machine: this file holds a machine-wide lock (tests/support/chip/pcsc-fixture.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 90_000 });
import type { ChipReadResult } from '../../../electron/api/calls/chip';
import { testPki } from '../../support/chip/pki';
import {
  startPcscStack,
  VIRTUAL_READER,
  waitFor,
  type PcscStack,
} from '../../support/chip/pcsc-fixture';
import { issuedSimChip, SimChip } from '../../support/chip/sim-chip';
import {
  buildCard,
  buildDg13,
  SYNTHETIC_CAN,
  SYNTHETIC_DG13,
  SYNTHETIC_MRZ,
} from '../../support/chip/synthetic-card';
import { insertSimChip } from '../../support/chip/vpcd-card';
import { runCli } from '../../support/run-cli';
import { openTestServices } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';
import type { AppServices } from '../../../electron/services/create-services';

const tempDir = useTempDirs();
const pki = testPki();
const MRZ_LINES = `${SYNTHETIC_MRZ.slice(0, 30)}\n${SYNTHETIC_MRZ.slice(30, 60)}\n${SYNTHETIC_MRZ.slice(60)}`;
const WRONG_MRZ = {
  kind: 'mrz-fields',
  documentNumber: '203000123',
  birthDate: '030516',
  expiryDate: '280515',
} as const;
let stack: PcscStack;

beforeAll(async () => {
  stack = await startPcscStack();
}, 300_000);
afterAll(async () => {
  await stack?.stop();
});

/** The services' own PC/SC context announces the card (the UI reads on this very event). */
async function cardSeenBy(services: AppServices): Promise<void> {
  const seen = new Promise<void>((resolve) => {
    const off = services.events.subscribe((e) => {
      if (e.type === 'chip.card' && e.present) {
        off();
        resolve();
      }
    });
  });
  const status = await services.handlers['chip.status'](undefined);
  if (status.readers.some((r) => r.cardPresent)) return;
  await seen;
}

function cscaPem(): string {
  return `-----BEGIN CERTIFICATE-----\n${pki.csca.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
}

describe('the Debian ePass emulator (BAC + secure messaging) through pcscd', () => {
  it('CLI: imports the test CSCA, reads the card with the MRZ and verifies it', async () => {
    const card = buildCard({ pki });
    const emulator = await stack.insertEmulatedCard(card.mrz, card.files);
    try {
      await readThroughCliAndServices();
    } finally {
      await stack.removeCard(emulator);
    }
  });

  async function readThroughCliAndServices() {
    const dir = tempDir();
    const pem = join(dir, 'csca.pem');
    writeFileSync(pem, cscaPem());
    const imported = await runCli(['card', 'trust', 'import', pem, '--json'], { dataDir: dir });
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ ok: true, imported: 1 });

    const run = await runCli(
      [
        'card',
        'read',
        '--reader',
        VIRTUAL_READER,
        '--mrz',
        MRZ_LINES,
        '--photo',
        join(dir, 'face.jpg'),
        '--json',
      ],
      { dataDir: dir },
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as ChipReadResult & { ok: boolean };
    expect(result.method).toBe('bac');
    // Trusted issuer, intact data; the emulator cannot do CA/AA, so the clone check is "not done".
    expect(result.verdict).toBe('clone_not_checked');
    expect(result.checks.map((c) => `${c.id}:${c.status}`)).toEqual([
      'DG_HASHES:pass',
      'SOD_SIGNATURE:pass',
      'ISSUER_TRUST:pass',
      'CERT_VALIDITY:pass',
      'CHIP_AUTH:not_done',
      'ACTIVE_AUTH:not_done',
    ]);
    expect(result.citizen).toMatchObject({
      idNumber: '079203000123',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '2003-05-15',
      ethnicity: 'Kinh',
      religion: 'Không',
      fatherName: 'Nguyễn Văn Bình',
      motherName: 'Trần Thị Cúc',
      expiryDate: '2028-05-15',
    });
    expect(result.apduCount).toBeGreaterThan(5);

    // The same card in an office without the CSCA: intact, issuer not verified — never "genuine".
    const other = openTestServices(tempDir());
    try {
      const r = await other.dispatcher.dispatch('chip.read', {
        key: { kind: 'mrz', mrz: SYNTHETIC_MRZ },
      });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      expect(r.value.verdict).toBe('issuer_not_verified');
      expect(r.value.checks.find((c) => c.id === 'ISSUER_TRUST')).toMatchObject({
        status: 'not_done',
        reason: 'CSCA_UNKNOWN',
      });

      // A CAN cannot open a BAC-only chip.
      const can = await other.dispatcher.dispatch('chip.read', {
        key: { kind: 'can', can: SYNTHETIC_CAN },
      });
      expect(can).toMatchObject({ ok: false, error: { code: 'CHIP_PACE_UNSUPPORTED' } });

      // A wrong MRZ is refused and counted; after two refusals the clerk must confirm.
      for (const failures of [1, 2]) {
        const wrong = await other.dispatcher.dispatch('chip.read', { key: WRONG_MRZ });
        expect(wrong).toMatchObject({
          ok: false,
          error: { code: 'CHIP_ACCESS_KEY_REJECTED', details: { failures } },
        });
      }
      expect(await other.dispatcher.dispatch('chip.read', { key: WRONG_MRZ })).toMatchObject({
        ok: false,
        error: { code: 'CHIP_KEY_RETRY_NEEDS_CONFIRMATION' },
      });
      // The right MRZ still works afterwards (the card was reset after each refusal).
      const again = await other.dispatcher.dispatch('chip.read', {
        key: { kind: 'mrz', mrz: SYNTHETIC_MRZ },
      });
      expect(again.ok, JSON.stringify(again)).toBe(true);
    } finally {
      other.services.close();
    }
  }

  it('a DG13 altered after signing fails the hash check, and the read is still reported, not trusted', async () => {
    const card = buildCard({
      pki,
      tamper: (g) =>
        g.set(
          13,
          buildDg13({
            ...SYNTHETIC_DG13,
            fields: { ...SYNTHETIC_DG13.fields, 9: 'Địa chỉ bị sửa' },
          }),
        ),
    });
    const emulator = await stack.insertEmulatedCard(card.mrz, card.files);
    const { services, dispatcher } = openTestServices(tempDir());
    try {
      const r = await dispatcher.dispatch('chip.read', {
        key: { kind: 'mrz', mrz: SYNTHETIC_MRZ },
      });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.verdict).toBe('not_genuine');
      expect(r.value.checks[0]).toMatchObject({
        id: 'DG_HASHES',
        status: 'fail',
        reason: 'HASH_MISMATCH',
        detail: { dataGroups: [13] },
      });
    } finally {
      services.close();
      await stack.removeCard(emulator);
    }
  });
});

describe('the simulated chip (PACE, CA, AA) on the vpcd reader', () => {
  it('PACE with the CAN, Chip and Active Authentication: "genuine", chip beside QR with a disagreement flagged', async () => {
    const { sim } = issuedSimChip(pki, { photo: 'jp2' });
    const { services, dispatcher } = openTestServices(tempDir());
    const events: string[] = [];
    services.events.subscribe((e) => {
      if (e.type === 'chip.card') events.push(`card:${e.present}`);
      if (e.type === 'chip.progress') events.push(`progress:${e.step}`);
    });
    const inserted = await insertSimChip(sim);
    try {
      await cardSeenBy(services);
      const imported = await dispatcher.dispatch('chip.trustImport', {
        fileName: 'csca.pem',
        contentBase64: Buffer.from(cscaPem()).toString('base64'),
      });
      expect(imported.ok).toBe(true);
      const r = await dispatcher.dispatch('chip.read', {
        key: { kind: 'can', can: SYNTHETIC_CAN },
        qr: {
          idNumber: '079203000123',
          oldIdNumber: '123456789',
          fullName: 'Nguyễn Văn An',
          dateOfBirth: '2003-05-15',
          sex: 'male',
          address: 'Số 9 Đường Cũ, Phường Mẫu',
          issueDate: '2021-07-01',
        },
      });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      expect(r.value.method).toBe('pace');
      expect(r.value.verdict).toBe('genuine');
      expect(r.value.disagreements).toEqual([
        { field: 'address', qr: 'Số 9 Đường Cũ, Phường Mẫu', chip: SYNTHETIC_DG13.fields[9] },
      ]);
      expect(r.value.warnings.map((w) => w.code)).toContain('CHIP_QR_MISMATCH');
      // DG2 held JPEG 2000: the UI gets a PNG it can show.
      expect(r.value.photo).toMatchObject({ mime: 'image/png', sourceFormat: 'jp2' });
      expect(events).toContain('progress:done');
    } finally {
      services.close();
      await inserted.remove();
    }
  });

  it('a card lifted mid-read gives CHIP_CARD_REMOVED and stores nothing', async () => {
    const card = buildCard({ pki, pace: true });
    const sim = new SimChip({
      files: card.files,
      mrz: card.mrz,
      can: SYNTHETIC_CAN,
      pace: true,
      extendedLength: false,
      removeAtApdu: 16,
    });
    const { services, dispatcher } = openTestServices(tempDir());
    const inserted = await insertSimChip(sim);
    try {
      await cardSeenBy(services);
      const r = await dispatcher.dispatch('chip.read', {
        key: { kind: 'can', can: SYNTHETIC_CAN },
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'CHIP_CARD_REMOVED' } });
      const rows = services.database.db.prepare('SELECT count(*) AS n FROM chip_reads').get() as {
        n: number;
      };
      expect(rows.n).toBe(0);
      await waitFor(
        stack.readers,
        (e) => e.type === 'card-removed',
        () => !stack.readers.readers().some((x) => x.cardPresent),
        'removal',
      );
    } finally {
      services.close();
      await inserted.remove();
    }
  });

  it('a card that refuses extended-length APDUs is read again in short chunks, and the reader remembered', async () => {
    const { sim } = issuedSimChip(pki, {}, { extendedLength: false });
    const { services, dispatcher } = openTestServices(tempDir());
    const inserted = await insertSimChip(sim);
    try {
      await cardSeenBy(services);
      const before = await dispatcher.dispatch('chip.status');
      expect(
        before.ok && before.value.readers.find((r) => r.name === VIRTUAL_READER)?.extendedLength,
      ).toBe(true);
      const r = await dispatcher.dispatch('chip.read', {
        key: { kind: 'can', can: SYNTHETIC_CAN },
      });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (r.ok) expect(r.value.verdict).toBe('issuer_not_verified');
      const after = await dispatcher.dispatch('chip.status');
      expect(
        after.ok && after.value.readers.find((x) => x.name === VIRTUAL_READER)?.extendedLength,
      ).toBe(false);
    } finally {
      services.close();
      await inserted.remove();
    }
  });
});
