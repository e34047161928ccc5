/**
 * Local HTTP endpoint for reader middleware that pushes each card as JSON ("CICClient" type,
 * cccd-formats.md §5 [D2]): POST http://127.0.0.1:PORT/cccd?format=cicclient|hn212|websocket.
 * Loopback only. The record goes through the same ingest as `chip.vendorIngest` and reaches the
 * UI as a `chip.vendorRecord` event, so the counter shows it like a chip read.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toApiError } from '../../api/errors';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import type { VendorIngest } from './vendor-ingest';

const FORMATS = new Set(['cicclient', 'hn212', 'websocket'] as const);
type Format = 'cicclient' | 'hn212' | 'websocket';
const MAX_BODY = 4 * 1024 * 1024; // two photos in base64 and the raw data groups fit well under

export interface VendorReceiver {
  port: number;
  close(): Promise<void>;
}

export function startVendorReceiver(options: {
  port: number;
  ingest: VendorIngest;
  events: EventBus;
  clock: Clock;
}): Promise<VendorReceiver> {
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res
        .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'POST' || (url.pathname !== '/cccd' && url.pathname !== '/')) {
      reply(404, { ok: false });
      return;
    }
    const format = (url.searchParams.get('format') ?? 'cicclient') as Format;
    if (!FORMATS.has(format)) {
      reply(400, { ok: false, error: { code: 'VENDOR_PAYLOAD_INVALID', details: { format } } });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reply(413, {
          ok: false,
          error: { code: 'VENDOR_PAYLOAD_INVALID', details: { reason: 'too large' } },
        });
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY) return;
      const text = Buffer.concat(chunks).toString('utf8');
      options.ingest.ingest(format, text).then(
        (result) => {
          options.events.publish({ type: 'chip.vendorRecord', at: options.clock.now(), result });
          reply(200, { ok: true, readId: result.readId, verdict: result.verdict });
        },
        (error: unknown) => {
          const apiError = toApiError(error);
          reply(apiError.code === 'INTERNAL' ? 500 : 400, { ok: false, error: apiError });
        },
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
