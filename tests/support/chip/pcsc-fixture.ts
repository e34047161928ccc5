/**
 * The real PC/SC stack for tests: pcscd with the vpcd virtual reader, and a card on it — either
 * the Debian emulator (../shared/tools/emrtd-card, BAC + secure messaging) or our simulated chip
 * over the vpcd socket (PACE, CA, AA). Only one pcscd/vpcd can run on a machine (fixed port
 * 35963), so a lock directory serialises every test that needs it, across processes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ROOT } from '../../../electron/host/app-root';
import {
  openPcsc,
  pcscServiceReachable,
  type PcscEvent,
  type PcscReaders,
} from '../../../native/pcsc/pcsc-readers';
import { toHex } from '../../../native/cccd/chip/bytes';

export const VIRTUAL_READER = 'Virtual PCD 00 00';
const LOCK = join(tmpdir(), 'motcua-pcsc.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits for the machine-wide lock (a directory holding the owner's pid; stale owners are cleared). */
export async function acquirePcscLock(timeoutMs = 240_000): Promise<() => void> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
      } catch {
        // being created right now
      }
      if (owner > 0 && !alive(owner)) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() - started > timeoutMs)
        throw new Error('timed out waiting for the PC/SC test lock');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * The emrtd-card emulator wrapper, vendored from the project's shared test tools into
 * tests/tools/emrtd-card so a fresh clone (CI) has it; MOTCUA_SHARED_DIR can point at a newer copy.
 */
export function emulatorScript(): string {
  const candidates = [
    process.env.MOTCUA_SHARED_DIR &&
      join(process.env.MOTCUA_SHARED_DIR, 'tools', 'emrtd-card', 'emrtd-card.py'),
    join(APP_ROOT, 'tests', 'tools', 'emrtd-card', 'emrtd-card.py'),
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`emrtd-card.py not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Resolves when `predicate` sees an event (or the current state already satisfies `ready`). */
export function waitFor(
  readers: PcscReaders,
  predicate: (e: PcscEvent) => boolean,
  ready: () => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  if (ready()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const off = readers.subscribe((e) => {
      if (predicate(e) || ready()) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}

export interface PcscStack {
  readers: PcscReaders;
  /** Starts the Debian emulator with these files; resolves when the card is in the reader. */
  insertEmulatedCard(mrz: string, files: Map<number, Buffer>): Promise<ChildProcess>;
  /** Kills a card process; resolves when PC/SC reports the card gone. */
  removeCard(card: ChildProcess): Promise<void>;
  stop(): Promise<void>;
}

export async function startPcscStack(): Promise<PcscStack> {
  const release = await acquirePcscLock();
  let daemon: ChildProcess | null = null;
  const cards = new Set<ChildProcess>();
  try {
    if (!(await pcscServiceReachable())) {
      daemon = spawn('pcscd', ['--foreground', '--auto-exit'], { stdio: 'ignore' });
      const started = Date.now();
      while (!(await pcscServiceReachable())) {
        if (daemon.exitCode !== null) throw new Error(`pcscd exited with ${daemon.exitCode}`);
        if (Date.now() - started > 10_000) throw new Error('pcscd did not open its socket');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const readers = await openPcsc();
    await waitFor(
      readers,
      (e) => e.type === 'reader-added' && e.reader === VIRTUAL_READER,
      () => readers.readers().some((r) => r.name === VIRTUAL_READER),
      'the vpcd reader',
    );
    const dir = join(tmpdir(), `motcua-card-${process.pid}-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    const present = () =>
      readers.readers().find((r) => r.name === VIRTUAL_READER)?.cardPresent === true;
    return {
      readers,
      async insertEmulatedCard(mrz, files) {
        const json = join(dir, `card-${cards.size}.json`);
        const hexFiles = Object.fromEntries(
          [...files]
            .filter(([fid]) => fid !== 0x011c)
            .map(([fid, bytes]) => [fid.toString(16).padStart(4, '0').toUpperCase(), toHex(bytes)]),
        );
        writeFileSync(json, JSON.stringify({ mrz, files: hexFiles }));
        const card = spawn('/usr/bin/python3', [emulatorScript(), '--card', json], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        cards.add(card);
        const errors: string[] = [];
        card.stderr!.on('data', (c: Buffer) => errors.push(c.toString()));
        card.once('exit', () => cards.delete(card));
        await waitFor(
          readers,
          (e) => e.type === 'card-inserted' && e.reader === VIRTUAL_READER,
          present,
          `the emulated card (${errors.join('')})`,
        );
        return card;
      },
      async removeCard(card) {
        const gone = waitFor(
          readers,
          (e) => e.type === 'card-removed' && e.reader === VIRTUAL_READER,
          () => !present(),
          'card removal',
        );
        card.kill('SIGTERM');
        await gone;
      },
      async stop() {
        for (const card of cards) card.kill('SIGTERM');
        readers.close();
        if (daemon && daemon.exitCode === null) {
          const exited = new Promise((resolve) => daemon!.once('exit', resolve));
          daemon.kill('SIGTERM');
          await exited;
        }
        rmSync(dir, { recursive: true, force: true });
        release();
      },
    };
  } catch (error) {
    if (daemon && daemon.exitCode === null) daemon.kill('SIGTERM');
    release();
    throw error;
  }
}
