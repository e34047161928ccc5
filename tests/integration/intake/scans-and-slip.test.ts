import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { nextEvent } from '../../support/events';
import { openTestServices, TEST_NOW, TEST_OFFICE } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

const WITH_OLD_ID =
  '022303004567|123456789|Trần Thị Ngọc Hường|09112003|Nữ|Số 12 đường Lê Thánh Tông, Phường Hồng Gai, Tỉnh Quảng Ninh|01072021';
const WITHOUT_OLD_ID = '079203000123||Nguyễn Văn An|15052003|Nam|Phường Bến Nghé|01072021';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const tempDir = useTempDirs();
const cleanups: (() => unknown)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function open() {
  const dir = tempDir();
  const t = openTestServices(dir);
  cleanups.push(() => t.services.close());
  const submit = async (text: string, extra: Record<string, unknown> = {}) => {
    const r = await t.dispatcher.dispatch('intake.submitScan', {
      bytes: b64(text),
      source: 'manual',
      at: t.clock.now(),
      ...extra,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  return { ...t, dir, submit };
}

describe('counter session scans', () => {
  it('announces each scan, merges a repeat within seconds, and keeps the last 20', async () => {
    const { services, dispatcher, clock, submit } = open();
    const announced = nextEvent(services.events, 'scan.decoded');
    const first = await submit(WITH_OLD_ID);
    expect((await announced).scan.scanId).toBe(first.scanId);
    expect(first).toMatchObject({ source: 'manual', repeats: 0, idNumberMasked: '0223******67' });

    clock.advance(2000);
    const again = await submit(WITH_OLD_ID);
    expect(again).toMatchObject({ scanId: first.scanId, repeats: 1 });
    clock.advance(10_000);
    expect((await submit(WITH_OLD_ID)).scanId).not.toBe(first.scanId); // a later, separate visit

    for (let i = 0; i < 25; i++) {
      clock.advance(5000);
      await submit(`8934563138${String(i).padStart(3, '0')}`);
    }
    const recent = await dispatcher.dispatch('intake.recentScans');
    expect(recent.ok && recent.value).toHaveLength(20);
    expect(recent.ok && recent.value[0]!.rawText).toBe('8934563138024');
  });

  it('keeps a test scan (Devices page wizard) out of the counter list', async () => {
    const { dispatcher, submit } = open();
    await dispatcher.dispatch('devices.armTestScan', { timeoutMs: 10_000 });
    const test = await submit(WITH_OLD_ID);
    expect(test.purpose).toBe('test');
    const next = await submit(WITHOUT_OLD_ID); // arming is for one scan
    expect(next.purpose).toBe('intake');
    const recent = await dispatcher.dispatch('intake.recentScans');
    expect(recent.ok && recent.value.map((s) => s.scanId)).toEqual([next.scanId]);
  });

  it('warns when a wedge scan came through without a single accented letter', async () => {
    const { submit } = open();
    const scan = await submit('079203000123||Nguyen Van An|15052003|Nam|Phuong Ben Nghe|01072021', {
      source: 'wedge',
      wedge: {
        keys: 70,
        durationMs: 140,
        meanGapMs: 2,
        maxGapMs: 8,
        prefix: null,
        suffix: 'Enter',
      },
    });
    expect(scan.result.ok && scan.result.warnings.map((w) => w.code)).toEqual([
      'WEDGE_DIACRITICS_LOST',
    ]);
    expect(scan.transport.wedge).toMatchObject({ keys: 70, suffix: 'Enter' });
  });

  it('reveals the full ID number only through an audited call', async () => {
    const { dispatcher, dir, submit } = open();
    const scan = await submit(WITH_OLD_ID);
    expect(JSON.stringify(scan)).toContain('0223******67');
    const revealed = await dispatcher.dispatch('intake.revealId', { scanId: scan.scanId });
    expect(revealed).toEqual({ ok: true, value: { idNumber: '022303004567' } });
    const db = new Database(join(dir, 'motcua.sqlite'), { readonly: true });
    const rows = db
      .prepare(
        "SELECT at, action, subject, detail FROM audit_log WHERE action = 'citizen.revealId'",
      )
      .all() as { at: number; subject: string; detail: string }[];
    db.close();
    expect(rows).toEqual([
      {
        at: TEST_NOW,
        action: 'citizen.revealId',
        subject: '022303004567',
        detail: JSON.stringify({ scanId: scan.scanId, source: 'manual' }),
      },
    ]);
    const rejected = await submit('https://example.vn');
    expect(await dispatcher.dispatch('intake.revealId', { scanId: rejected.scanId })).toMatchObject(
      { ok: false, error: { code: 'SCAN_NO_CITIZEN' } },
    );
  });
});

describe('old-ID confirmation slip', () => {
  it('prints one A4 page with the citizen and the old ID, fonts embedded, saved durably', async () => {
    const { dispatcher, dir, submit } = open();
    await dispatcher.dispatch('settings.updateOffice', TEST_OFFICE);
    const scan = await submit(WITH_OLD_ID);
    const r = await dispatcher.dispatch('intake.oldIdSlip', { scanId: scan.scanId });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.value.file.startsWith(join(dir, 'slips', '2026', '11'))).toBe(true);
    expect(r.value.pages).toBe(1);
    expect(readFileSync(r.value.file)).toEqual(Buffer.from(r.value.pdfBase64, 'base64'));

    const info = execFileSync('pdfinfo', [r.value.file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const fonts = execFileSync('pdffonts', [r.value.file], { encoding: 'utf8' });
    expect(fonts).toMatch(/LiberationSerif-Bold.*TrueType.*yes\s+yes/);
    const text = execFileSync('pdftotext', ['-layout', r.value.file, '-'], { encoding: 'utf8' });
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND PHƯỜNG THỬ NGHIỆM',
      'Hạ Long, ngày 24 tháng 11 năm 2026',
      'PHIẾU THÔNG TIN SỐ CHỨNG MINH NHÂN DÂN',
      'Trần Thị Ngọc Hường',
      '022303004567',
      '123456789',
      '09/11/2003',
      'Nghị định số 70/2024/NĐ-CP',
    ]) {
      expect(text).toContain(expected);
    }
    writeFileSync(join(dir, 'slip.txt'), text);
  });

  it('refuses a card without an old ID, and an unknown scan, with their codes; nothing is written', async () => {
    const { dispatcher, dir, submit } = open();
    const scan = await submit(WITHOUT_OLD_ID);
    expect(await dispatcher.dispatch('intake.oldIdSlip', { scanId: scan.scanId })).toMatchObject({
      ok: false,
      error: { code: 'SCAN_NO_OLD_ID' },
    });
    expect(await dispatcher.dispatch('intake.oldIdSlip', { scanId: 'gone' })).toMatchObject({
      ok: false,
      error: { code: 'SCAN_NOT_FOUND' },
    });
    expect(existsSync(join(dir, 'slips'))).toBe(false);
  });
});
