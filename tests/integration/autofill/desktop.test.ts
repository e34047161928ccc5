/**
 * The typing engine against a real desktop: Xvfb, a non-headless Chromium showing a province-style
 * form, nut-js typing through XTest, xsel holding the clipboard, xinput hearing Esc. Values are
 * read back through Playwright. Runs wherever Xvfb exists (CI installs it); skipped elsewhere.
 */
import { spawn } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { APP_ROOT } from '../../../electron/host/app-root';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunState } from '../../../electron/api/autofill-schemas';
import type { CallInput } from '../../../electron/api/contract';
import type { AppEvent } from '../../../electron/api/events';
import { openDesktop } from '../../../native/autofill/nut-desktop';
import type { Desktop } from '../../../native/autofill/ports';
import { locateXsel, runTool } from '../../../native/autofill/x11-tools';
import { fieldValues, launchDesktopBrowser, openWindow } from '../../support/form-window';
import { openTestServices, revealSampleCitizen, SAMPLE_CITIZEN } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';
import { startXvfb, xvfbUnavailableReason, type VirtualDisplay } from '../../support/xvfb';

const unavailable = xvfbUnavailableReason();
if (unavailable) {
  if (process.env.CI) throw new Error(`CI must run the desktop autofill suite: ${unavailable}`);
  console.warn(`[autofill desktop suite skipped] ${unavailable}`);
}

const APPLICANT = ['hoTen', 'ngaySinh', 'gioiTinh', 'soDinhDanh', 'ngayCap', 'diaChi'] as const;
const CLERK_CLIPBOARD = 'Ghi chú của cán bộ: hồ sơ số 7 — chờ bổ sung';
/** The applicant form after the generic template ran on the sample citizen. */
const FILLED_APPLICANT = {
  hoTen: 'Trần Thị Ngọc Hường',
  ngaySinh: '09/11/2003',
  gioiTinh: 'Nữ',
  soDinhDanh: '022303004567',
  ngayCap: '01/07/2021',
  diaChi: SAMPLE_CITIZEN.address,
};
/** Each fixture form and a part of its title, which shows when its window has become active. */
const FORM_TITLES = {
  'applicant-form.html': 'Cổng dịch vụ công tỉnh',
  'slow-paste-form.html': 'trang chậm',
  'split-date-form.html': 'Tờ khai',
} as const;

describe.skipIf(unavailable !== null)('autofill on a real X display', () => {
  const tempDir = useTempDirs();
  let xvfb: VirtualDisplay;
  let browser: Browser;
  let desktop: Desktop;
  const xsel = () => locateXsel(process.env)!;

  beforeAll(async () => {
    xvfb = await startXvfb();
    // libnut opens the display named here on first use; this file runs in its own process.
    process.env.DISPLAY = xvfb.display;
    browser = await launchDesktopBrowser(xvfb.display);
    desktop = await openDesktop();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await xvfb?.stop();
  });

  // Generous limits: a megabyte goes through xsel in small INCR chunks, slow under load.
  async function setClipboard(text: string) {
    const set = await runTool(
      xsel(),
      ['--clipboard', '--input'],
      process.env,
      15_000,
      Buffer.from(text),
    );
    expect(set.code, set.stderr).toBe(0);
  }
  async function clipboard(): Promise<string> {
    const read = await runTool(xsel(), ['--clipboard', '--output'], process.env, 15_000);
    expect(read.code, read.stderr).toBe(0);
    return read.stdout.toString();
  }

  /** Readiness wait: the window manager-less X server updates titles asynchronously. */
  async function untilActiveTitle(part: string) {
    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
      if ((await desktop.windows.active())?.title.includes(part)) return;
      await new Promise((r) => setImmediate(r));
    }
    throw new Error(`no active window titled …${part}…`);
  }

  function services() {
    const opened = openTestServices(tempDir());
    const runs: RunState[] = [];
    opened.services.events.subscribe((e: AppEvent) => {
      if (e.type === 'autofill.run') runs.push(e.run);
    });
    return { ...opened, runs };
  }

  async function run(
    env: ReturnType<typeof services>,
    input: Record<string, unknown>,
  ): Promise<RunState> {
    await revealSampleCitizen(env.dispatcher);
    const started = await env.dispatcher.dispatch('autofill.start', {
      source: { citizen: SAMPLE_CITIZEN },
      idRevealed: true,
      countdownMs: 0,
      ...input,
    } as never);
    expect(started, JSON.stringify(started)).toMatchObject({ ok: true });
    const end = await env.services.autofill.finished();
    env.services.close();
    return end!;
  }

  async function saveTemplate(
    env: ReturnType<typeof services>,
    template: CallInput<'autofill.saveTemplate'>,
  ): Promise<string> {
    const saved = await env.dispatcher.dispatch('autofill.saveTemplate', template);
    expect(saved.ok).toBe(true);
    return template.name;
  }

  /** A fixture form in the active window, the caret in `focusId`. */
  async function formWindow(
    fixture: keyof typeof FORM_TITLES = 'applicant-form.html',
    focusId = 'hoTen',
  ): Promise<Page> {
    const page = await openWindow(browser, { fixture }, focusId);
    await untilActiveTitle(FORM_TITLES[fixture]);
    return page;
  }

  it('fills the generic template into the focused form: exact Vietnamese (NFC), clipboard restored, audit without values', async () => {
    const form = await formWindow();
    await setClipboard(CLERK_CLIPBOARD);
    const env = services();
    const end = await run(env, { templateId: 'builtin-generic' });
    expect(end).toMatchObject({ phase: 'done', fields: 6, error: null });
    const values = await fieldValues(form, APPLICANT);
    expect(values).toEqual(FILLED_APPLICANT);
    for (const value of Object.values(values)) expect(value).toBe(value.normalize('NFC'));
    expect(await clipboard()).toBe(CLERK_CLIPBOARD);
    // Events carried progress up to every action and then the outcome.
    expect(env.runs.map((r) => r.phase)).toEqual(
      expect.arrayContaining(['countdown', 'typing', 'done']),
    );
    await form.context().close();
  });

  it('a page that stalls on every paste still gets every value (no timing assumption)', async () => {
    const form = await formWindow('slow-paste-form.html');
    await setClipboard(CLERK_CLIPBOARD);
    const end = await run(services(), { templateId: 'builtin-generic' });
    expect(end).toMatchObject({ phase: 'done', fields: 6, error: null });
    expect(await fieldValues(form, APPLICANT)).toEqual(FILLED_APPLICANT);
    expect(await clipboard()).toBe(CLERK_CLIPBOARD);
    await form.context().close();
  });

  it('a large clerk clipboard (sent in INCR chunks) is read and put back whole', async () => {
    const form = await formWindow();
    // Over xsel's single-request limit, so the clerk's owner sends it incrementally (ICCCM §2.7.2).
    const large = `${CLERK_CLIPBOARD}\n${'Biên bản tiếp nhận hồ sơ. '.repeat(40_000)}`;
    await setClipboard(large);
    const end = await run(services(), { templateId: 'builtin-generic' });
    expect(end).toMatchObject({ phase: 'done', error: null });
    expect(await form.inputValue('#diaChi')).toBe(SAMPLE_CITIZEN.address);
    const back = await clipboard();
    expect(back.length).toBe(large.length);
    expect(back === large).toBe(true);
    await form.context().close();
  });

  it('splits the date of birth into day, month and year fields', async () => {
    const form = await formWindow('split-date-form.html');
    const end = await run(services(), { templateId: 'builtin-dob-split' });
    expect(end.phase).toBe('done');
    expect(
      await fieldValues(form, [
        'hoTen',
        'ngay',
        'thang',
        'nam',
        'gioiTinh',
        'soDinhDanh',
        'diaChi',
      ]),
    ).toEqual({
      hoTen: 'Trần Thị Ngọc Hường',
      ngay: '09',
      thang: '11',
      nam: '2003',
      gioiTinh: 'Nữ',
      soDinhDanh: '022303004567',
      diaChi: SAMPLE_CITIZEN.address,
    });
    await form.context().close();
  });

  it('refuses when our own window has focus: nothing typed, clipboard untouched', async () => {
    const form = await formWindow();
    const own = await openWindow(browser, { title: 'Một Cửa Desk' }, 'own');
    await untilActiveTitle('Một Cửa Desk');
    await setClipboard(CLERK_CLIPBOARD);
    const end = await run(services(), { templateId: 'builtin-generic' });
    expect(end).toMatchObject({ phase: 'failed', done: 0, error: { code: 'AUTOFILL_OWN_WINDOW' } });
    expect(await own.inputValue('#own')).toBe('');
    expect(Object.values(await fieldValues(form, APPLICANT)).join('')).toBe('');
    expect(await clipboard()).toBe(CLERK_CLIPBOARD);
    await own.context().close();
    await form.context().close();
  });

  it('Esc aborts mid-run: later fields stay empty and the clipboard is restored', async () => {
    const form = await formWindow();
    await setClipboard(CLERK_CLIPBOARD);
    const env = services();
    const slow = await saveTemplate(env, {
      name: 'Chậm, để thử Esc',
      steps: [
        { kind: 'field', field: 'fullName' },
        { kind: 'key', key: 'Tab' },
        { kind: 'wait', ms: 3000 },
        { kind: 'field', field: 'dateOfBirth' },
        { kind: 'key', key: 'Tab' },
        { kind: 'field', field: 'sex' },
      ],
    });
    const { keyboard, Key } = await import('@nut-tree-fork/nut-js');
    // The clerk presses Esc once the first field is in (the engine is in its wait step).
    env.services.events.subscribe((e) => {
      if (e.type === 'autofill.run' && e.run.done === 2) {
        void keyboard.pressKey(Key.Escape).then(() => keyboard.releaseKey(Key.Escape));
      }
    });
    const end = await run(env, { templateId: slow });
    expect(end).toMatchObject({ phase: 'aborted', error: { code: 'AUTOFILL_ABORTED' } });
    expect(await fieldValues(form, ['hoTen', 'ngaySinh', 'gioiTinh'])).toEqual({
      hoTen: 'Trần Thị Ngọc Hường',
      ngaySinh: '',
      gioiTinh: '',
    });
    expect(await clipboard()).toBe(CLERK_CLIPBOARD);
    await form.context().close();
  });

  it('stops when the focus is on a button: the copy back shows the value did not land', async () => {
    const form = await formWindow('applicant-form.html', 'gui');
    await setClipboard(CLERK_CLIPBOARD);
    const end = await run(services(), { templateId: 'builtin-name-split' });
    expect(end).toMatchObject({
      phase: 'failed',
      done: 0,
      error: { code: 'AUTOFILL_FIELD_MISMATCH' },
    });
    expect(Object.values(await fieldValues(form, APPLICANT)).join('')).toBe('');
    expect(await clipboard()).toBe(CLERK_CLIPBOARD);
    await form.context().close();
  });

  it('stops at a field that cuts the value short (maxlength), keeping the fields before it', async () => {
    const form = await formWindow('split-date-form.html');
    const env = services();
    const saved = await saveTemplate(env, {
      name: 'Ngày sinh đầy đủ vào ô ngày',
      steps: [
        { kind: 'field', field: 'fullName' },
        { kind: 'key', key: 'Tab' },
        { kind: 'field', field: 'dateOfBirth', format: 'dd/MM/yyyy' },
        { kind: 'key', key: 'Tab' },
        { kind: 'field', field: 'sex' },
      ],
    });
    const end = await run(env, { templateId: saved });
    expect(end).toMatchObject({
      phase: 'failed',
      done: 2,
      error: { code: 'AUTOFILL_FIELD_MISMATCH' },
    });
    expect(await fieldValues(form, ['hoTen', 'ngay', 'thang'])).toEqual({
      hoTen: 'Trần Thị Ngọc Hường',
      ngay: '09',
      thang: '',
    });
    await form.context().close();
  });

  it('types ASCII in typing mode', async () => {
    const second = await formWindow('applicant-form.html', 'soDinhDanh');
    const env2 = services();
    const typed = await saveTemplate(env2, {
      name: 'Gõ phím số định danh',
      input: 'type',
      steps: [
        { kind: 'field', field: 'idNumber' },
        { kind: 'key', key: 'Tab' },
        { kind: 'field', field: 'issueDate', format: 'yyyy-MM-dd' },
      ],
    });
    expect((await run(env2, { templateId: typed })).phase).toBe('done');
    expect(await fieldValues(second, ['soDinhDanh', 'ngayCap'])).toEqual({
      soDinhDanh: '022303004567',
      ngayCap: '2021-07-01',
    });
    await second.context().close();
  });

  /** `autofill run` as IT staff use it: typed in a terminal, then they click into the form. */
  function cliRun(args: string[], onCountdown: () => Promise<void>) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/host/cli/main.ts', 'autofill', 'run', ...args],
      { cwd: APP_ROOT, env: { ...process.env, MOTCUA_DATA_DIR: tempDir() } },
    );
    let stdout = '';
    let stderr = '';
    let announced = false;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      if (!announced && stderr.includes('Sẽ điền')) {
        announced = true;
        void onCountdown();
      }
    });
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      child.on('close', (code) => resolve({ code, stdout, stderr })),
    );
  }

  it('CLI: autofill run --delay-start fills the window the operator switches to, never the terminal', async () => {
    const form = await openWindow(browser, { fixture: 'applicant-form.html' });
    const terminal = await openWindow(browser, { title: 'root@may-tram: ~ (terminal)' }, 'own');
    await untilActiveTitle('terminal');
    const args = ['--template', 'builtin-generic', '--citizen', 'sample', '--delay-start', '2500'];
    const result = await cliRun(args, async () => {
      await form.bringToFront();
      await form.focus('#hoTen');
    });
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/Đã điền 6 trường/);
    expect(await form.inputValue('#diaChi')).toBe(
      'Số 12 đường Lê Thánh Tông, Phường Hồng Gai, Tỉnh Quảng Ninh (dữ liệu mẫu)',
    );
    expect(await terminal.inputValue('#own')).toBe('');

    // Nobody switches: the terminal keeps focus and the CLI refuses to type into it.
    await terminal.bringToFront();
    await untilActiveTitle('terminal');
    const refused = await cliRun([...args.slice(0, -1), '500', '--json'], async () => undefined);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      ok: false,
      run: { phase: 'failed', error: { code: 'AUTOFILL_OWN_WINDOW' } },
    });
    expect(await terminal.inputValue('#own')).toBe('');
    await terminal.context().close();
    await form.context().close();
  }, 120_000); // two CLI processes, each starting Node + tsx: slow on a loaded 2-core machine
});
