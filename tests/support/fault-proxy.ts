/**
 * An HTTP proxy between a workstation and its hub that injects the faults of a bad network:
 * requests dropped, responses dropped after the hub committed, delays, connection resets, 500s,
 * duplicated deliveries, garbage answers. Faults are drawn from a seeded PRNG so a failing run can
 * be replayed. Hooks let a test act at the worst moment (kill the hub or the client mid-batch).
 */
import { request, createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo } from 'node:net';

export const FAULTS = [
  'pass',
  'drop-request',
  'drop-response',
  'delay',
  'reset',
  'error-500',
  'duplicate',
  'garbage',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface ForwardContext {
  n: number;
  path: string;
  body: Buffer;
}

export interface FaultProxyOptions {
  target: string;
  random: () => number;
  /** Relative weights; a fault not listed never happens. */
  weights: Partial<Record<Fault, number>>;
  delayMs?: number;
  /** Called once the request reached the hub, before its answer is read (kill it here). */
  afterForward?: (ctx: ForwardContext) => Promise<void> | void;
  /** Called before forwarding; resolve to let the request go on (hold it, kill the client). */
  beforeForward?: (ctx: ForwardContext) => Promise<void> | void;
}

export interface FaultProxy {
  url: string;
  counts: Record<Fault, number>;
  requests: number;
  setTarget(url: string): void;
  setWeights(weights: Partial<Record<Fault, number>>): void;
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  let target = new URL(options.target);
  let weights = options.weights;
  const counts = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
  let n = 0;

  const pick = (): Fault => {
    const entries = Object.entries(weights) as [Fault, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = options.random() * total;
    for (const [fault, w] of entries) if ((r -= w) < 0) return fault;
    return 'pass';
  };

  const forward = (req: IncomingMessage, body: Buffer, ctx: ForwardContext) =>
    new Promise<Upstream>((resolve, reject) => {
      const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
      const up = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 502,
              headers: { 'content-type': String(res.headers['content-type'] ?? '') },
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      up.on('error', reject);
      up.end(body, () => void Promise.resolve(options.afterForward?.(ctx)).catch(reject));
    });

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const ctx = { n: ++n, path: req.url ?? '', body };
      const fault = pick();
      counts[fault] += 1;
      const reply = (u: Upstream) =>
        res.writeHead(u.status, { 'Content-Type': u.headers['content-type'] ?? '' }).end(u.body);
      switch (fault) {
        case 'drop-request':
          req.socket.destroy();
          return;
        case 'reset':
          req.socket.resetAndDestroy();
          return;
        case 'error-500':
          res.writeHead(500, { 'Content-Type': 'text/html' }).end('<h1>502 Bad Gateway</h1>');
          return;
        default:
      }
      await options.beforeForward?.(ctx);
      if (fault === 'delay') await new Promise((r) => setTimeout(r, options.delayMs ?? 50));
      let upstream: Upstream;
      try {
        upstream = await forward(req, body, ctx);
        if (fault === 'duplicate') {
          const second = await forward(req, body, ctx);
          upstream = options.random() < 0.5 ? upstream : second;
        }
      } catch {
        req.socket.destroy(); // the hub died under us: the client sees a broken connection
        return;
      }
      if (fault === 'drop-response') req.socket.destroy();
      else if (fault === 'garbage')
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Wi-Fi login</html>');
      else reply(upstream);
    })().catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    counts,
    get requests() {
      return n;
    },
    setTarget: (url) => void (target = new URL(url)),
    setWeights: (w) => void (weights = w),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A plain TCP relay that keeps every byte the client sent, for the privacy test. */
export async function startRecordingRelay(target: string): Promise<{
  url: string;
  sent: Buffer[];
  close(): Promise<void>;
}> {
  const to = new URL(target);
  const sent: Buffer[] = [];
  const sockets = new Set<{ destroy(): void }>();
  const server = createTcpServer((client) => {
    const upstream = connect(Number(to.port), to.hostname);
    sockets.add(client);
    sockets.add(upstream);
    client.on('data', (chunk: Buffer) => sent.push(Buffer.from(chunk)));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
