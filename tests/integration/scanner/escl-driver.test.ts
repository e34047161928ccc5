import { afterEach, describe, expect, it } from 'vitest';
import { createEsclDriver } from '../../../native/scanner/escl/escl-driver';
import type { ScannedPage, ScanSettings } from '../../../native/scanner/types';
import { startEsclSimulator, type RunningSimulator } from '../../support/escl-simulator';

const driver = createEsclDriver({ retryDelayMs: 10, interPageDelayMs: 0, requestTimeoutMs: 2000 });
const FEEDER: ScanSettings = { source: 'feeder', duplex: false, dpi: 100, colorMode: 'color' };
let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function collect(uri: string, settings: ScanSettings, signal = new AbortController().signal) {
  const pages: ScannedPage[] = [];
  try {
    for await (const page of driver.scan(uri, settings, signal)) pages.push(page);
    return { pages, error: null as null | { code: string } };
  } catch (error) {
    return { pages, error: error as { code: string } };
  }
}

describe('eSCL driver against the simulator', () => {
  it('reads capabilities: flatbed, feeder, duplex feeder, colour modes, resolutions', async () => {
    sim = await startEsclSimulator();
    const caps = await driver.capabilities(`escl:${sim.url}`);
    expect(caps.makeAndModel).toBe('Mot Cua eSCL Simulator');
    expect(caps.sources.map((s) => [s.source, s.duplex])).toEqual([
      ['flatbed', false],
      ['feeder', false],
      ['feeder', true],
    ]);
    expect(caps.sources[0]).toMatchObject({
      colorModes: ['color', 'gray', 'bw'],
      resolutions: [75, 150, 200, 300, 600],
      maxWidthMm: 216,
    });
  });

  it('takes a feeder batch page by page through 503s and ends at 404', async () => {
    sim = await startEsclSimulator({ sheets: 3, busyPolls: 2 });
    const { pages, error } = await collect(`escl:${sim.url}`, FEEDER);
    expect(error).toBeNull();
    expect(pages.map((p) => [p.index, p.format])).toEqual([
      [0, 'jpeg'],
      [1, 'jpeg'],
      [2, 'jpeg'],
    ]);
    expect(sim.log.filter((l) => l.includes('NextDocument') && l.endsWith('503'))).toHaveLength(6);
  });

  it('duplex doubles the sides; bilevel asks for lossless PNG', async () => {
    sim = await startEsclSimulator({ sheets: 2, busyPolls: 0 });
    expect((await collect(`escl:${sim.url}`, { ...FEEDER, duplex: true })).pages).toHaveLength(4);
    sim.set({ sheets: 1 });
    const bw = await collect(`escl:${sim.url}`, { ...FEEDER, colorMode: 'bw' });
    expect(bw.pages.map((p) => p.format)).toEqual(['png']);
  });

  it('rewrites a Location host it cannot trust to the address it used', async () => {
    sim = await startEsclSimulator({ sheets: 1, busyPolls: 0, locationHost: 'printer.invalid:9' });
    const { pages, error } = await collect(`escl:${sim.url}`, FEEDER);
    expect(error).toBeNull();
    expect(pages).toHaveLength(1);
  });

  it('stops at the page limit and deletes the job so the device is free', async () => {
    sim = await startEsclSimulator({ sheets: 5, busyPolls: 0 });
    const { pages } = await collect(`escl:${sim.url}`, { ...FEEDER, maxPages: 2 });
    expect(pages).toHaveLength(2);
    expect(sim.log.some((l) => l.startsWith('DELETE /eSCL/ScanJobs/'))).toBe(true);
  });

  it('keeps the pages before a jam and then reports PAPER_JAM', async () => {
    sim = await startEsclSimulator({ sheets: 5, busyPolls: 0, jamAfter: 2 });
    const { pages, error } = await collect(`escl:${sim.url}`, FEEDER);
    expect(pages).toHaveLength(2);
    expect(error?.code).toBe('PAPER_JAM');
  });

  it.each([
    [{ coverOpen: true }, 'COVER_OPEN'],
    [{ sheets: 0 }, 'FEEDER_EMPTY'],
    [{ busy: true }, 'SCANNER_BUSY'],
  ] as const)('refuses to start with %o: %s', async (faults, code) => {
    sim = await startEsclSimulator({ sheets: 3, ...faults });
    const { pages, error } = await collect(`escl:${sim.url}`, FEEDER);
    expect(pages).toHaveLength(0);
    expect(error?.code).toBe(code);
  });

  it('reports a corrupt image after keeping the good pages', async () => {
    sim = await startEsclSimulator({ sheets: 3, busyPolls: 0, corruptPage: 2 });
    const { pages, error } = await collect(`escl:${sim.url}`, FEEDER);
    expect(pages).toHaveLength(1);
    expect(error?.code).toBe('SCAN_IMAGE_CORRUPT');
  });

  it('reports SCANNER_GONE when the scanner disappears mid-job, after the pages it sent', async () => {
    sim = await startEsclSimulator({ sheets: 5, busyPolls: 0, disappearAfter: 2 });
    const { pages, error } = await collect(`escl:${sim.url}`, FEEDER);
    expect(pages).toHaveLength(2);
    expect(error?.code).toBe('SCANNER_GONE');
  });

  it('reports SCANNER_GONE for an address where nothing answers', async () => {
    sim = await startEsclSimulator();
    const url = sim.url;
    await sim.close();
    sim = null;
    expect((await collect(`escl:${url}`, FEEDER)).error?.code).toBe('SCANNER_GONE');
  });

  it('cancels: deletes the job and ends with SCAN_CANCELLED', async () => {
    sim = await startEsclSimulator({ sheets: 5, busyPolls: 0 });
    const controller = new AbortController();
    const pages: ScannedPage[] = [];
    let error: { code?: string } | null = null;
    try {
      for await (const page of driver.scan(`escl:${sim.url}`, FEEDER, controller.signal)) {
        pages.push(page);
        controller.abort();
      }
    } catch (e) {
      error = e as { code: string };
    }
    expect(pages).toHaveLength(1);
    expect(error?.code).toBe('SCAN_CANCELLED');
    expect(sim.log.some((l) => l.startsWith('DELETE'))).toBe(true);
  });
});
