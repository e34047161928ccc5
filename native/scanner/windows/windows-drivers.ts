/**
 * Process adapters for the two Windows routes. UNTESTED ON REAL WINDOWS (see README): they
 * are thin loops around wia-script.ts and naps2-console.ts, whose text is unit-tested.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { cancelledError, ScannerError } from '../errors';
import { sniffFormat } from '../image/sniff';
import type {
  ColorMode,
  ScannedPage,
  ScannerCapabilities,
  ScannerDriver,
  ScanSettings,
} from '../types';
import {
  naps2Error,
  naps2ListArgs,
  naps2ScanArgs,
  parseNaps2DeviceList,
  parseNaps2Uri,
} from './naps2-console';
import { parseWiaLine, powershellArgs, wiaListScript, wiaScanScript } from './wia-script';

/**
 * Neither WIA Automation nor NAPS2's console gives a reliable capability query across drivers:
 * offer the usual set and let the device refuse (SCAN_SETTINGS_UNSUPPORTED) what it lacks.
 */
function genericCapabilities(
  uri: string,
  makeAndModel: string,
  formats: string[],
): ScannerCapabilities {
  const base = {
    resolutions: [200, 300, 400, 600],
    colorModes: ['color', 'gray', 'bw'] as ColorMode[],
    formats,
  };
  return {
    uri,
    makeAndModel,
    sources: [
      { source: 'flatbed', duplex: false, ...base },
      { source: 'feeder', duplex: false, ...base },
      { source: 'feeder', duplex: true, ...base },
    ],
  };
}

function missing(what: string): ScannerError {
  return new ScannerError('SCANNER_DRIVER_MISSING', `${what} is not available on this computer`);
}

function collect(
  bin: string,
  args: string[],
  signal?: AbortSignal,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      ...(signal ? { signal } : {}),
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? missing(bin) : e.name === 'AbortError' ? cancelledError() : e),
    );
    child.on('close', (code) => resolve({ code, out }));
  });
}

export function createWiaDriver(options: { powershell?: string } = {}): ScannerDriver {
  const bin = options.powershell ?? 'powershell.exe';
  const deviceId = (uri: string) => {
    if (!uri.startsWith('wia:') || uri.length < 5)
      throw new ScannerError('SCANNER_URI_INVALID', `Not a WIA device: ${uri}`);
    return uri.slice(4);
  };
  return {
    kind: 'wia',
    async discover(signal) {
      if (process.platform !== 'win32' && !options.powershell) return [];
      const { out } = await collect(bin, powershellArgs(wiaListScript()), signal);
      return out
        .split(/\r?\n/)
        .map(parseWiaLine)
        .flatMap((l) =>
          l.kind === 'device'
            ? [
                {
                  uri: `wia:${l.id}`,
                  driver: 'wia' as const,
                  name: l.name,
                  foundBy: 'list' as const,
                },
              ]
            : [],
        );
    },
    async capabilities(uri) {
      deviceId(uri);
      return genericCapabilities(uri, uri, ['image/jpeg', 'image/png']);
    },
    async *scan(
      uri: string,
      settings: ScanSettings,
      signal: AbortSignal,
    ): AsyncGenerator<ScannedPage> {
      const id = deviceId(uri);
      const dir = await mkdtemp(join(tmpdir(), 'motcua-wia-'));
      const child = spawn(bin, powershellArgs(wiaScanScript(id, settings, dir)), {
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
      const onAbort = () => child.kill();
      signal.addEventListener('abort', onAbort, { once: true });
      const failed = new Promise<never>((_, reject) =>
        child.on('error', (e: NodeJS.ErrnoException) =>
          reject(e.code === 'ENOENT' ? missing(bin) : e),
        ),
      );
      failed.catch(() => undefined);
      try {
        let index = 0;
        for await (const line of createInterface({ input: child.stdout! })) {
          const parsed = parseWiaLine(line);
          if (parsed.kind === 'page') {
            const data = await readFile(parsed.file);
            const format = sniffFormat(data);
            if (!format)
              throw new ScannerError('SCAN_IMAGE_CORRUPT', 'WIA returned an unreadable image', {
                pages: index,
              });
            yield {
              index: index++,
              format,
              data,
              dpi: settings.dpi,
              colorMode: settings.colorMode,
              origin: id,
            };
          } else if (parsed.kind === 'error') {
            throw new ScannerError(parsed.code, `WIA ${parsed.hresult}`, {
              hresult: parsed.hresult,
              pages: index,
            });
          }
        }
        if (signal.aborted) throw cancelledError();
        await Promise.race([new Promise((r) => child.once('close', r)), failed]);
      } finally {
        signal.removeEventListener('abort', onAbort);
        if (child.exitCode === null) child.kill();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

export function createNaps2Driver(options: { console?: string } = {}): ScannerDriver {
  const bin =
    options.console ??
    (process.platform === 'win32' ? 'C:\\Program Files\\NAPS2\\NAPS2.Console.exe' : 'naps2');
  const prefix = process.platform === 'win32' || options.console ? [] : ['console'];
  const target = (uri: string) => {
    const t = parseNaps2Uri(uri);
    if (!t) throw new ScannerError('SCANNER_URI_INVALID', `Not a NAPS2 device: ${uri}`);
    return t;
  };
  return {
    kind: 'naps2',
    async discover(signal) {
      const devices = [];
      for (const driver of ['twain', 'wia'] as const) {
        try {
          const { out } = await collect(bin, [...prefix, ...naps2ListArgs(driver)], signal);
          devices.push(
            ...parseNaps2DeviceList(out).map((name) => ({
              uri: `naps2:${driver}:${name}`,
              driver: 'naps2' as const,
              name,
              foundBy: 'list' as const,
              detail: `NAPS2 ${driver.toUpperCase()}`,
            })),
          );
        } catch (error) {
          if ((error as ScannerError).code === 'SCANNER_DRIVER_MISSING') return [];
          throw error;
        }
      }
      return devices;
    },
    async capabilities(uri) {
      target(uri);
      return genericCapabilities(uri, uri.slice(6), ['image/jpeg']);
    },
    async *scan(
      uri: string,
      settings: ScanSettings,
      signal: AbortSignal,
    ): AsyncGenerator<ScannedPage> {
      const t = target(uri);
      const dir = await mkdtemp(join(tmpdir(), 'motcua-naps2-'));
      try {
        // NAPS2 writes its files when the whole batch is done, so pages arrive together at the end.
        const { code, out } = await collect(
          bin,
          [...prefix, ...naps2ScanArgs(t, settings, join(dir, 'page-$(nnnn).jpg'))],
          signal,
        );
        const files = (await readdir(dir)).filter((f) => /^page-\d+\.jpg$/.test(f)).sort();
        const failure = naps2Error(out, code);
        if (files.length === 0 && failure) throw new ScannerError(failure, out.trim().slice(-300));
        let index = 0;
        for (const file of files) {
          if (settings.maxPages !== undefined && index >= settings.maxPages) break;
          const data = await readFile(join(dir, file));
          yield {
            index: index++,
            format: sniffFormat(data) ?? 'jpeg',
            data,
            dpi: settings.dpi,
            colorMode: settings.colorMode,
            origin: t.device,
          };
        }
        if (failure && failure !== 'FEEDER_EMPTY')
          throw new ScannerError(failure, out.trim().slice(-300), { pages: index });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
