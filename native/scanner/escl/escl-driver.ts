/**
 * eSCL driver: driverless network scanners, the route that works on every OS (scanners.md §2.1).
 * Job flow: ScannerCapabilities → ScannerStatus → POST ScanJobs (201 + Location) → GET
 * NextDocument until 404 → DELETE the job. Robustness copied from sane-airscan: 503 retried
 * (30× on NextDocument, 10× elsewhere), the Location host rewritten to the one we reached, a
 * small pause between pages (Brother MFC-L2710DW 404s when asked too fast), and a late error
 * after ≥1 page on the platen means "done".
 */
import { abortableDelay, cancelledError, ScannerError, type ScannerErrorCode } from '../errors';
import { jpegInfo, sniffFormat } from '../image/sniff';
import type {
  ScannedPage,
  ScannerCapabilities,
  ScannerDevice,
  ScannerDriver,
  ScanSettings,
} from '../types';
import { discoverEscl } from './escl-discovery';
import {
  buildScanSettings,
  EsclXmlError,
  parseScannerCapabilities,
  parseScannerStatus,
  rewriteJobLocation,
  type EsclStatus,
} from './escl-xml';

export interface EsclDriverOptions {
  /** Pause between retries of a 503 (sane-airscan: 1 s). */
  retryDelayMs?: number;
  nextDocumentRetries?: number;
  otherRetries?: number;
  /** Pause before each NextDocument after the first. */
  interPageDelayMs?: number;
  /** One HTTP exchange may take this long before the scanner counts as gone. */
  requestTimeoutMs?: number;
  /** How long mDNS discovery listens. */
  discoverMs?: number;
}

const DEFAULTS: Required<EsclDriverOptions> = {
  retryDelayMs: 1000,
  nextDocumentRetries: 30,
  otherRetries: 10,
  interPageDelayMs: 100,
  requestTimeoutMs: 30_000,
  discoverMs: 3000,
};

export function esclBaseUrl(uri: string): string {
  const raw = uri.startsWith('escl:') ? uri.slice(5) : uri;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ScannerError('SCANNER_URI_INVALID', `Not an eSCL URL: ${uri}`, { uri });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ScannerError('SCANNER_URI_INVALID', `eSCL needs http(s): ${uri}`, { uri });
  }
  return url.toString().replace(/\/+$/, '');
}

/** What a device status says is wrong with the feeder, if anything. */
export function adfProblem(status: EsclStatus | null): ScannerErrorCode | null {
  switch (status?.adfState) {
    case 'ScannerAdfEmpty':
      return 'FEEDER_EMPTY';
    case 'ScannerAdfJam':
    case 'ScannerAdfMispick':
    case 'ScannerAdfMultipickDetected':
      return 'PAPER_JAM';
    case 'ScannerAdfDoorOpen':
    case 'ScannerAdfHatchOpen':
      return 'COVER_OPEN';
    default:
      return null;
  }
}

interface Exchange {
  status: number;
  headers: Headers;
  body: Buffer;
}

export function createEsclDriver(options: EsclDriverOptions = {}): ScannerDriver {
  const o = { ...DEFAULTS, ...options };

  async function request(
    url: string,
    init: { method?: string; body?: string; signal: AbortSignal },
  ): Promise<Exchange> {
    if (init.signal.aborted) throw cancelledError();
    try {
      const response = await fetch(url, {
        method: init.method ?? 'GET',
        ...(init.body !== undefined
          ? { body: init.body, headers: { 'Content-Type': 'text/xml' } }
          : {}),
        signal: AbortSignal.any([init.signal, AbortSignal.timeout(o.requestTimeoutMs)]),
        redirect: 'manual',
      });
      const body = Buffer.from(await response.arrayBuffer());
      return { status: response.status, headers: response.headers, body };
    } catch (error) {
      if (init.signal.aborted) throw cancelledError();
      // Refused, reset, unreachable or silent: the device is not there (any more).
      throw new ScannerError('SCANNER_GONE', `eSCL device unreachable: ${url}`, {
        url,
        cause: (error as Error).cause ? String((error as Error).cause) : (error as Error).message,
      });
    }
  }

  /** A request that tolerates `retries` 503s and short network blips. */
  async function withRetries(
    url: string,
    init: { method?: string; body?: string; signal: AbortSignal },
    retries: number,
  ): Promise<Exchange> {
    let blips = 0;
    for (let attempt = 0; ; attempt++) {
      let exchange: Exchange;
      try {
        exchange = await request(url, init);
      } catch (error) {
        if ((error as ScannerError).code === 'SCANNER_GONE' && blips < 2) {
          blips++;
          await abortableDelay(o.retryDelayMs, init.signal);
          continue;
        }
        throw error;
      }
      if (exchange.status !== 503 || attempt >= retries) return exchange;
      await abortableDelay(o.retryDelayMs, init.signal);
    }
  }

  async function getXml(url: string, signal: AbortSignal): Promise<string> {
    const exchange = await withRetries(url, { signal }, o.otherRetries);
    if (exchange.status === 503)
      throw new ScannerError('SCANNER_BUSY', 'eSCL device busy', { url });
    if (exchange.status !== 200) {
      throw new ScannerError('SCANNER_IO_ERROR', `eSCL ${url} answered HTTP ${exchange.status}`, {
        url,
        status: exchange.status,
      });
    }
    return exchange.body.toString('utf8');
  }

  async function status(base: string, signal: AbortSignal): Promise<EsclStatus | null> {
    try {
      return parseScannerStatus(await getXml(`${base}/ScannerStatus`, signal));
    } catch (error) {
      if (signal.aborted) throw cancelledError();
      if (error instanceof EsclXmlError) return null;
      throw error;
    }
  }

  async function capabilities(uri: string, signal = new AbortController().signal) {
    const base = esclBaseUrl(uri);
    try {
      const caps = parseScannerCapabilities(await getXml(`${base}/ScannerCapabilities`, signal));
      return {
        uri: `escl:${base}`,
        makeAndModel: caps.makeAndModel,
        sources: caps.sources,
        version: caps.version,
      };
    } catch (error) {
      if (error instanceof EsclXmlError) {
        throw new ScannerError('SCANNER_IO_ERROR', `Bad ScannerCapabilities: ${error.message}`, {
          uri,
        });
      }
      throw error;
    }
  }

  async function* scan(
    uri: string,
    settings: ScanSettings,
    signal: AbortSignal,
  ): AsyncGenerator<ScannedPage> {
    const base = esclBaseUrl(uri);
    const caps = await capabilities(uri, signal);
    const source =
      caps.sources.find((s) => s.source === settings.source && s.duplex === settings.duplex) ??
      caps.sources.find((s) => s.source === settings.source);
    if (!source || (settings.duplex && !source.duplex)) {
      throw new ScannerError('SCAN_SETTINGS_UNSUPPORTED', 'Source not offered by the device', {
        source: settings.source,
        duplex: settings.duplex,
      });
    }
    // One image per NextDocument is what makes pages countable (scanners.md §2.5): ask for JPEG
    // (or PNG for bilevel, to stay lossless) rather than a device-made PDF.
    const preferred =
      settings.colorMode === 'bw' ? ['image/png', 'image/jpeg'] : ['image/jpeg', 'image/png'];
    const format =
      preferred.find((f) => source.formats.includes(f)) ?? source.formats[0] ?? 'image/jpeg';

    const before = await status(base, signal);
    if (before?.state === 'Down' || before?.state === 'Stopped') {
      throw new ScannerError('SCANNER_IO_ERROR', `Device state ${before.state}`, {
        state: before.state,
      });
    }
    if (settings.source === 'feeder') {
      const problem = adfProblem(before);
      if (problem)
        throw new ScannerError(problem, `Feeder: ${before?.adfState}`, {
          adfState: before?.adfState,
        });
    }

    const body = buildScanSettings(settings, {
      format,
      version: caps.version,
      ...(source.maxWidthMm ? { maxWidth: Math.round((source.maxWidthMm / 25.4) * 300) } : {}),
      ...(source.maxHeightMm ? { maxHeight: Math.round((source.maxHeightMm / 25.4) * 300) } : {}),
    });
    const created = await withRetries(
      `${base}/ScanJobs`,
      { method: 'POST', body, signal },
      o.otherRetries,
    );
    if (created.status === 503 || created.status === 409) {
      throw new ScannerError('SCANNER_BUSY', 'The device is busy with another job', {
        status: created.status,
      });
    }
    if (created.status !== 201) {
      const problem = adfProblem(await status(base, signal));
      throw new ScannerError(
        problem ?? 'SCAN_SETTINGS_UNSUPPORTED',
        `ScanJobs answered HTTP ${created.status}`,
        {
          status: created.status,
        },
      );
    }
    const location = created.headers.get('location');
    if (!location) throw new ScannerError('SCANNER_IO_ERROR', 'ScanJobs gave no Location');
    const job = rewriteJobLocation(location, base);

    let index = 0;
    let finished = false;
    try {
      while (true) {
        if (settings.maxPages !== undefined && index >= settings.maxPages) break;
        if (index > 0) await abortableDelay(o.interPageDelayMs, signal);
        const next = await withRetries(`${job}/NextDocument`, { signal }, o.nextDocumentRetries);
        if (next.status === 200) {
          const page = toPage(next, index, settings);
          index++;
          yield page;
          continue;
        }
        if (next.status === 503) {
          throw new ScannerError('SCAN_TIMEOUT', 'The device kept answering "busy"', {
            pages: index,
          });
        }
        if (next.status === 404 || next.status === 410) {
          // 404 = no more documents (the normal end of a feeder job); 410 = the job was dropped.
          // Either way ask the device why, so a jam or an open cover is not mistaken for the end.
          const after = await status(base, signal).catch(() => null);
          const problem = adfProblem(after);
          if (settings.source === 'feeder' && problem && problem !== 'FEEDER_EMPTY') {
            throw new ScannerError(problem, `Feeder: ${after?.adfState}`, { pages: index });
          }
          if (index === 0) {
            throw new ScannerError(
              problem ?? (next.status === 410 ? 'SCANNER_IO_ERROR' : 'FEEDER_EMPTY'),
              'No page was scanned',
              {
                status: next.status,
              },
            );
          }
          finished = true;
          break;
        }
        if (settings.source === 'flatbed' && index > 0) {
          finished = true;
          break;
        }
        throw new ScannerError('SCANNER_IO_ERROR', `NextDocument answered HTTP ${next.status}`, {
          status: next.status,
          pages: index,
        });
      }
    } finally {
      // A finished job cleans itself up; anything else (cancel, error, page limit) is deleted so
      // the device is free for the next clerk.
      if (!finished) {
        await request(job, { method: 'DELETE', signal: AbortSignal.timeout(5000) }).catch(
          () => undefined,
        );
      }
    }
    if (signal.aborted) throw cancelledError();
  }

  function toPage(exchange: Exchange, index: number, settings: ScanSettings): ScannedPage {
    const format = sniffFormat(exchange.body);
    if (!format || format === 'pnm' || (format === 'jpeg' && !jpegInfo(exchange.body))) {
      throw new ScannerError('SCAN_IMAGE_CORRUPT', 'The device sent data that is not an image', {
        contentType: exchange.headers.get('content-type'),
        bytes: exchange.body.length,
        pages: index,
      });
    }
    return { index, format, data: exchange.body, dpi: settings.dpi, colorMode: settings.colorMode };
  }

  return {
    kind: 'escl',
    discover: async (signal?: AbortSignal): Promise<ScannerDevice[]> =>
      discoverEscl(o.discoverMs, signal),
    capabilities: (uri, signal) => capabilities(uri, signal) as Promise<ScannerCapabilities>,
    scan,
  };
}
