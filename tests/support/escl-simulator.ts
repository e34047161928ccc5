/**
 * An eSCL scanner simulator for tests (Mopria eSCL 2.x as in scanners.md §2.1): capabilities
 * XML, ScannerStatus with AdfState, POST ScanJobs → 201 + Location, page-by-page NextDocument
 * (503 while the device is "processing", 404 when the feeder is done, 410 once a job is
 * deleted), DELETE of a job, and faults a real device shows: paper jam, open cover, empty
 * feeder, busy, a corrupt image, and vanishing mid-job. Its faithfulness is checked by scanning
 * from it with the reference client, sane-airscan (tests/integration/scanner/escl-airscan.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import sharp from 'sharp';

export interface SimulatorOptions {
  /** Sheets in the feeder (sides = sheets × 2 in duplex). */
  sheets?: number;
  /** NextDocument answers 503 this many times before each page (the device is scanning). */
  busyPolls?: number;
  /** After this many pages the feeder jams (AdfState ScannerAdfJam, NextDocument 404). */
  jamAfter?: number;
  coverOpen?: boolean;
  /** Another job holds the device: ScanJobs answers 503. */
  busy?: boolean;
  /** Page n (1-based) is sent as bytes that are not a JPEG. */
  corruptPage?: number;
  /** After this many pages the server stops answering and drops every connection. */
  disappearAfter?: number;
  /** Host put in `Location` (sane-airscan: never trust it; HP/Xerox send unreachable ones). */
  locationHost?: string;
  makeAndModel?: string;
}

interface Job {
  id: string;
  source: 'Platen' | 'Feeder';
  duplex: boolean;
  colorMode: string;
  format: string;
  dpi: number;
  widthPx: number;
  heightPx: number;
  delivered: number;
  polls: number;
  state: 'Processing' | 'Completed' | 'Canceled' | 'Aborted';
}

export interface RunningSimulator {
  url: string;
  port: number;
  server: Server;
  /** Every request, "METHOD path status", for protocol assertions. */
  log: string[];
  jobs: Map<string, Job>;
  /** Refill the feeder or change faults between scans. */
  set(options: Partial<SimulatorOptions>): void;
  close(): Promise<void>;
}

const CAPS_PROFILE = `<scan:SettingProfiles><scan:SettingProfile>
<scan:ColorModes><scan:ColorMode>BlackAndWhite1</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
<scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><pwg:DocumentFormat>image/png</pwg:DocumentFormat><scan:DocumentFormatExt>image/jpeg</scan:DocumentFormatExt><scan:DocumentFormatExt>image/png</scan:DocumentFormatExt></scan:DocumentFormats>
<scan:SupportedResolutions><scan:DiscreteResolutions>
${[75, 150, 200, 300, 600].map((r) => `<scan:DiscreteResolution><scan:XResolution>${r}</scan:XResolution><scan:YResolution>${r}</scan:YResolution></scan:DiscreteResolution>`).join('')}
</scan:DiscreteResolutions></scan:SupportedResolutions>
</scan:SettingProfile></scan:SettingProfiles>`;

const INPUT_CAPS = `<scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth><scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>3508</scan:MaxHeight>
<scan:MaxScanRegions>1</scan:MaxScanRegions>${CAPS_PROFILE}
<scan:SupportedIntents><scan:Intent>Document</scan:Intent><scan:Intent>Photo</scan:Intent></scan:SupportedIntents>`;

function capabilitiesXml(model: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
<pwg:Version>2.63</pwg:Version><pwg:MakeAndModel>${model}</pwg:MakeAndModel><pwg:SerialNumber>SIM0001</pwg:SerialNumber>
<scan:UUID>4509a320-00a0-008f-00b6-002507510eca</scan:UUID>
<scan:Platen><scan:PlatenInputCaps>${INPUT_CAPS}</scan:PlatenInputCaps></scan:Platen>
<scan:Adf><scan:AdfSimplexInputCaps>${INPUT_CAPS}</scan:AdfSimplexInputCaps><scan:AdfDuplexInputCaps>${INPUT_CAPS}</scan:AdfDuplexInputCaps>
<scan:FeederCapacity>50</scan:FeederCapacity><scan:AdfOptions><scan:AdfOption>DetectPaperLoaded</scan:AdfOption><scan:AdfOption>Duplex</scan:AdfOption></scan:AdfOptions></scan:Adf>
</scan:ScannerCapabilities>`;
}

function tag(xml: string, name: string): string | null {
  return new RegExp(`<(?:\\w+:)?${name}>([^<]*)</(?:\\w+:)?${name}>`).exec(xml)?.[1] ?? null;
}

/** A page that looks like a form: margins, a title bar, lines of "text", the page number. */
async function pageImage(job: Job, n: number): Promise<Buffer> {
  const w = job.widthPx;
  const h = job.heightPx;
  const lines = Array.from(
    { length: 12 },
    (_, i) =>
      `<rect x="${w * 0.1}" y="${h * (0.2 + i * 0.05)}" width="${w * (0.5 + ((i * 7 + n) % 5) * 0.07)}" height="${h * 0.012}" fill="#222"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="#fff"/><rect x="${w * 0.1}" y="${h * 0.06}" width="${w * 0.8}" height="${h * 0.06}" fill="#b3261e"/>${lines}<text x="${w * 0.85}" y="${h * 0.95}" font-size="${h * 0.03}" fill="#000">${n}</text></svg>`;
  let image = sharp(Buffer.from(svg), { density: 72 });
  if (job.colorMode !== 'RGB24') image = image.grayscale();
  if (job.format === 'image/png') {
    return job.colorMode === 'BlackAndWhite1'
      ? image.png({ palette: true, colours: 2 }).toBuffer()
      : image.png().toBuffer();
  }
  return image.jpeg({ quality: 80 }).withMetadata({ density: job.dpi }).toBuffer();
}

export async function startEsclSimulator(
  initial: SimulatorOptions = {},
): Promise<RunningSimulator> {
  let options: SimulatorOptions = {
    sheets: 3,
    busyPolls: 1,
    makeAndModel: 'Mot Cua eSCL Simulator',
    ...initial,
  };
  const jobs = new Map<string, Job>();
  const log: string[] = [];
  const sockets = new Set<Socket>();
  let feederPages = () => options.sheets ?? 3;
  let gone = false;
  let jammed = false;
  let emptied = 0;

  const adfState = () =>
    jammed
      ? 'ScannerAdfJam'
      : options.coverOpen
        ? 'ScannerAdfDoorOpen'
        : feederPages() - emptied <= 0
          ? 'ScannerAdfEmpty'
          : 'ScannerAdfLoaded';

  const statusXml = () => `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerStatus xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
<pwg:Version>2.63</pwg:Version><pwg:State>${[...jobs.values()].some((j) => j.state === 'Processing') ? 'Processing' : 'Idle'}</pwg:State>
<scan:AdfState>${adfState()}</scan:AdfState>
<scan:Jobs>${[...jobs.values()].map((j) => `<scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/${j.id}</pwg:JobUri><pwg:JobUuid>${j.id}</pwg:JobUuid><pwg:JobState>${j.state}</pwg:JobState><pwg:ImagesCompleted>${j.delivered}</pwg:ImagesCompleted></scan:JobInfo>`).join('')}</scan:Jobs>
</scan:ScannerStatus>`;

  function send(
    res: ServerResponse,
    status: number,
    body = '',
    type = 'text/xml',
    headers: Record<string, string> = {},
  ) {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      ...headers,
    });
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'GET' && path === '/eSCL/ScannerCapabilities') {
      send(res, 200, capabilitiesXml(options.makeAndModel!));
      return 200;
    }
    if (req.method === 'GET' && path === '/eSCL/ScannerStatus') {
      send(res, 200, statusXml());
      return 200;
    }
    if (req.method === 'POST' && path === '/eSCL/ScanJobs') {
      const body = await new Promise<string>((resolve) => {
        let text = '';
        req.on('data', (c: Buffer) => (text += c.toString()));
        req.on('end', () => resolve(text));
      });
      if (options.busy) {
        send(res, 503);
        return 503;
      }
      const source = tag(body, 'InputSource') === 'Feeder' ? 'Feeder' : 'Platen';
      // HP and others refuse a feeder job when the feeder is empty, jammed or open: 409 Conflict.
      if (source === 'Feeder' && adfState() !== 'ScannerAdfLoaded') {
        send(res, 409);
        return 409;
      }
      const dpi = Number(tag(body, 'XResolution') ?? 300);
      const job: Job = {
        id: randomUUID(),
        source,
        duplex: tag(body, 'Duplex') === 'true',
        colorMode: tag(body, 'ColorMode') ?? 'RGB24',
        format: tag(body, 'DocumentFormatExt') ?? tag(body, 'DocumentFormat') ?? 'image/jpeg',
        dpi,
        // Region in 1/300": A4 is 2480 × 3508; pixels at the job's resolution.
        widthPx: Math.round((Number(tag(body, 'Width') ?? 2480) * dpi) / 300),
        heightPx: Math.round((Number(tag(body, 'Height') ?? 3508) * dpi) / 300),
        delivered: 0,
        polls: 0,
        state: 'Processing',
      };
      jobs.set(job.id, job);
      const host = options.locationHost ?? req.headers.host;
      send(res, 201, '', 'text/plain', { Location: `http://${host}/eSCL/ScanJobs/${job.id}` });
      return 201;
    }
    const m = /^\/eSCL\/ScanJobs\/([\w-]+)(\/NextDocument|\/ScanImageInfo)?$/.exec(path);
    const job = m ? jobs.get(m[1]!) : undefined;
    if (m && !job) {
      send(res, 404);
      return 404;
    }
    if (job && req.method === 'DELETE' && !m![2]) {
      if (job.state === 'Processing') job.state = 'Canceled';
      send(res, 200);
      return 200;
    }
    if (job && req.method === 'GET' && m![2] === '/NextDocument') {
      if (job.state === 'Canceled' || job.state === 'Aborted') {
        send(res, 410);
        return 410;
      }
      // Sides left in the feeder (a duplex job takes two per sheet).
      const remaining = feederPages() * (job.duplex ? 2 : 1) - emptied;
      if (
        options.jamAfter !== undefined &&
        job.delivered >= options.jamAfter &&
        job.source === 'Feeder'
      ) {
        jammed = true;
        job.state = 'Aborted';
        send(res, 404);
        return 404;
      }
      if (job.source === 'Platen' ? job.delivered >= 1 : remaining <= 0) {
        job.state = 'Completed';
        send(res, 404);
        return 404;
      }
      if (job.polls < (options.busyPolls ?? 0)) {
        job.polls++;
        send(res, 503);
        return 503;
      }
      job.polls = 0;
      const n = job.delivered + 1;
      if (options.disappearAfter !== undefined && job.delivered >= options.disappearAfter) {
        gone = true;
        for (const s of sockets) s.destroy();
        server.close();
        return 0;
      }
      const body =
        n === options.corruptPage
          ? Buffer.from('this is not a jpeg image at all')
          : await pageImage(job, n);
      job.delivered++;
      if (job.source === 'Feeder') emptied++;
      res.writeHead(200, { 'Content-Type': job.format, 'Content-Length': body.length });
      res.end(body);
      return 200;
    }
    send(res, 404);
    return 404;
  }

  const server = createServer((req, res) => {
    if (gone) {
      req.socket.destroy();
      return;
    }
    handle(req, res)
      .then((status) => log.push(`${req.method} ${req.url} ${status}`))
      .catch((error: unknown) => {
        log.push(`${req.method} ${req.url} 500 ${String(error)}`);
        if (!res.headersSent) send(res, 500);
      });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/eSCL`,
    port,
    server,
    log,
    jobs,
    set(next) {
      options = { ...options, ...next };
      if (next.sheets !== undefined) {
        emptied = 0;
        jammed = false;
        feederPages = () => options.sheets ?? 3;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        if (!server.listening) resolve();
        else server.close(() => resolve());
      }),
  };
}
