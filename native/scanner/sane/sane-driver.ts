/**
 * SANE on Linux through `scanimage` (sane-utils): `-L` to list, `-A` for the real option names,
 * `--batch` to take pages one by one. A page is handed on as soon as scanimage has renamed its
 * `.part` file to the final name, so the pipeline works while the next sheet feeds. Cancelling
 * sends SIGINT, on which scanimage calls sane_cancel() and the device stops feeding.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { cancelledError, ScannerError, type ScannerErrorCode } from '../errors';
import type {
  ScannedPage,
  ScannerCapabilities,
  ScannerDevice,
  ScannerDriver,
  ScanSettings,
} from '../types';
import {
  buildScanimageArgs,
  capabilitiesFromOptions,
  exitCodeError,
  modeNameFor,
  parseBatchLine,
  parseDeviceList,
  parseOptions,
  sourceNameFor,
  type SaneOption,
} from './scanimage-text';

export interface SaneDriverOptions {
  /** `scanimage` on PATH unless given. */
  scanimage?: string;
  env?: NodeJS.ProcessEnv;
  /** Backend options a device always gets (the test backend's picture, for instance). */
  extraArgs?: (device: string, uriOptions: string[]) => string[];
  /** Where page files are written while they wait for the pipeline. */
  workDir?: string;
}

/**
 * `sane:<device>[?option=value&…]`: backend options IT staff may need (a page height, the test
 * backend's picture) travel in the address, percent-encoded, and become `--option value`.
 */
export function parseSaneUri(uri: string): { device: string; extra: string[] } {
  const rest = uri.startsWith('sane:') ? uri.slice(5) : '';
  const [device = '', query] = rest.split('?', 2);
  if (!device) throw new ScannerError('SCANNER_URI_INVALID', `Not a SANE device: ${uri}`, { uri });
  const extra: string[] = [];
  if (query) {
    for (const [key, value] of new URLSearchParams(query)) {
      if (!/^[a-z][a-z0-9-]*$/.test(key))
        throw new ScannerError('SCANNER_URI_INVALID', `Bad option ${key}`, { uri });
      extra.push(`--${key}=${value}`);
    }
  }
  return { device, extra };
}

export function saneDeviceName(uri: string): string {
  return parseSaneUri(uri).device;
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function createSaneDriver(options: SaneDriverOptions = {}): ScannerDriver {
  const bin = options.scanimage ?? 'scanimage';
  const env = options.env ?? process.env;

  function run(args: string[], signal?: AbortSignal): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(bin, args, {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(signal ? { signal } : {}),
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') {
          reject(
            new ScannerError(
              'SCANNER_DRIVER_MISSING',
              'scanimage is not installed (apt install sane-utils)',
            ),
          );
        } else if (error.name === 'AbortError') reject(cancelledError());
        else reject(error);
      });
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  const optionsCache = new Map<string, Map<string, SaneOption>>();
  async function deviceOptions(
    device: string,
    signal?: AbortSignal,
  ): Promise<Map<string, SaneOption>> {
    const cached = optionsCache.get(device);
    if (cached) return cached;
    const result = await run(['-d', device, '-A'], signal);
    if (result.code !== 0) {
      const line = result.stderr
        .split('\n')
        .map(parseBatchLine)
        .find((l) => l.kind === 'error');
      throw new ScannerError(
        line?.kind === 'error' ? line.code : 'SCANNER_GONE',
        `scanimage -A failed: ${result.stderr.trim()}`,
        {
          device,
        },
      );
    }
    const parsed = parseOptions(result.stdout);
    optionsCache.set(device, parsed);
    return parsed;
  }

  async function capabilities(uri: string, signal?: AbortSignal): Promise<ScannerCapabilities> {
    const device = saneDeviceName(uri);
    const opts = await deviceOptions(device, signal);
    return { uri, makeAndModel: device, sources: capabilitiesFromOptions(opts) };
  }

  async function discover(signal?: AbortSignal): Promise<ScannerDevice[]> {
    const result = await run(['-L'], signal);
    return parseDeviceList(result.stdout).map((d) => ({
      uri: `sane:${d.name}`,
      driver: 'sane',
      name: `${d.vendor} ${d.model}`.trim(),
      foundBy: 'list',
      detail: d.type,
    }));
  }

  async function* scan(
    uri: string,
    settings: ScanSettings,
    signal: AbortSignal,
  ): AsyncGenerator<ScannedPage> {
    const { device, extra: uriOptions } = parseSaneUri(uri);
    if (signal.aborted) throw cancelledError();
    const opts = await deviceOptions(device, signal);
    const sources = capabilitiesFromOptions(opts);
    const hasSourceOption = opts.has('source');
    const sourceName = hasSourceOption ? sourceNameFor(sources, settings) : null;
    if (hasSourceOption ? sourceName === null : settings.source !== 'flatbed' || settings.duplex) {
      throw new ScannerError('SCAN_SETTINGS_UNSUPPORTED', 'The device has no such source', {
        source: settings.source,
        duplex: settings.duplex,
        available: sources.map((s) => s.nativeName ?? s.source),
      });
    }
    // Bilevel on a device without lineart: scan grey, the pipeline thresholds it losslessly.
    const modeName =
      modeNameFor(opts, settings.colorMode) ??
      modeNameFor(opts, settings.colorMode === 'bw' ? 'gray' : 'color');
    const maxW = opts.get('x')?.range?.max;
    const maxH = opts.get('y')?.range?.max;
    const dir = await mkdtemp(join(options.workDir ?? tmpdir(), 'motcua-sane-'));
    // A flatbed never runs out of paper: one page per job, or batch mode would loop forever.
    const maxPages = settings.source === 'flatbed' ? 1 : settings.maxPages;
    const args = buildScanimageArgs({
      device,
      sourceName,
      modeName,
      dpi: settings.dpi,
      batchPattern: join(dir, 'page-%04d.pnm'),
      ...(maxPages !== undefined ? { maxPages } : {}),
      ...(maxW !== undefined ? { widthMm: Math.min(210, maxW) } : {}),
      ...(maxH !== undefined ? { heightMm: Math.min(297, maxH) } : {}),
      extra: [...(options.extraArgs?.(device, uriOptions) ?? []), ...uriOptions],
    });

    const child = spawn(bin, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const queue: (ScannedPage | { error: ScannerError } | 'end')[] = [];
    let wake: (() => void) | null = null;
    const push = (item: (typeof queue)[number]) => {
      queue.push(item);
      wake?.();
    };
    let lastError: { code: ScannerErrorCode; text: string } | null = null;
    let pagesDone = 0;
    let spawnError: ScannerError | null = null;
    let cancelled = false;
    let timedOut = false;
    let pageTimer: NodeJS.Timeout | undefined;
    // SIGINT lets scanimage call sane_cancel() so the device stops feeding; a backend stuck in a
    // read ignores it (the test backend does, now and then), so SIGKILL follows after 3 s.
    let killTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      child.kill('SIGINT');
      killTimer ??= setTimeout(() => child.kill('SIGKILL'), 3000);
    };
    const armTimer = () => {
      clearTimeout(pageTimer);
      if (settings.pageTimeoutMs) {
        pageTimer = setTimeout(() => {
          timedOut = true;
          stop();
        }, settings.pageTimeoutMs);
      }
    };
    const onAbort = () => {
      cancelled = true;
      stop();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    armTimer();

    let reading = Promise.resolve();
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError =
        error.code === 'ENOENT'
          ? new ScannerError(
              'SCANNER_DRIVER_MISSING',
              'scanimage is not installed (apt install sane-utils)',
            )
          : new ScannerError('SCANNER_IO_ERROR', error.message);
    });
    createInterface({ input: child.stderr! }).on('line', (line) => {
      const parsed = parseBatchLine(line);
      if (parsed.kind === 'error') lastError = { code: parsed.code, text: parsed.text };
      if (parsed.kind === 'scanned' && (parsed.status === 0 || parsed.status === 5)) {
        const number = parsed.page;
        armTimer();
        // Pages are read in order; each waits for scanimage's rename of `.part`.
        reading = reading.then(async () => {
          const file = join(dir, `page-${String(number).padStart(4, '0')}.pnm`);
          if (!(await waitForFile(file, () => child.exitCode !== null))) return;
          const data = await readFile(file);
          await rm(file, { force: true });
          push({
            index: pagesDone++,
            format: 'pnm',
            data,
            dpi: settings.dpi,
            colorMode: settings.colorMode,
            origin: device,
          });
        });
      }
    });
    child.on('close', (code, sig) => {
      clearTimeout(pageTimer);
      clearTimeout(killTimer);
      signal.removeEventListener('abort', onAbort);
      void reading.then(() => {
        if (cancelled) push({ error: cancelledError() });
        else if (timedOut)
          push({
            error: new ScannerError('SCAN_TIMEOUT', 'No page arrived in time', {
              pages: pagesDone,
            }),
          });
        else if (spawnError) push({ error: spawnError });
        else {
          const failure =
            (lastError as { code: ScannerErrorCode; text: string } | null)?.code ??
            (sig ? 'SCANNER_IO_ERROR' : exitCodeError(code ?? 1));
          // The feeder running out after ≥1 page is how an ADF batch ends normally.
          if (failure === null || (failure === 'FEEDER_EMPTY' && pagesDone > 0)) push('end');
          else
            push({
              error: new ScannerError(
                failure,
                (lastError as { text: string } | null)?.text ?? `scanimage exit ${code}`,
                { pages: pagesDone, exitCode: code },
              ),
            });
        }
      });
    });

    try {
      while (true) {
        if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        const item = queue.shift()!;
        if (item === 'end') return;
        if ('error' in item) throw item.error;
        yield item;
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const closed = new Promise((resolve) => child.once('close', resolve));
        stop();
        await closed;
      }
      await rm(dir, { recursive: true, force: true });
    }
  }

  return { kind: 'sane', discover, capabilities, scan };
}

/** Waits for scanimage's rename of `<file>.part`; false if the process ended without it. */
async function waitForFile(file: string, ended: () => boolean): Promise<boolean> {
  for (let i = 0; i < 2000; i++) {
    try {
      await stat(file);
      return true;
    } catch {
      if (ended() && i > 20) return false;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  return false;
}
