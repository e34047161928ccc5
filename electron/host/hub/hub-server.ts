/**
 * The hub's HTTP server (headless mode of the same codebase): the sync protocol's write routes
 * for workstations and lower hubs, a read API and a page for the upper level. Separate from the
 * workstation's http-adapter: other clients, other routes, its own codes (error-catalog/hub.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { errorMessage, toApiError, type ErrorCode } from '../../api/errors';
import type { HubAdmin, TotalsGroup } from '../../services/hub/hub-admin';
import type { HubIngest, SignedRequest } from '../../services/hub/hub-ingest';
import {
  isCalendarDay,
  MAX_BODY_BYTES,
  NEW_KEY_SIGNATURE_HEADER,
  PATHS,
  PROTOCOL,
  SIGNATURE_HEADER,
} from '../../services/hub/hub-services';
import { vnDay } from '../../services/shared/vn-time';
import { readBodyBytes } from '../shared/read-body';
import { sameSecret } from '../shared/same-secret';
import { hubStatusOf } from './hub-http';
import { HUB_PAGE_CSP, renderHubPage } from './hub-page';

export interface HubServerOptions {
  ingest: HubIngest;
  admin: HubAdmin;
  /** Required for the read API and the page when set (Bearer, or Basic with any user name). */
  readToken: string | null;
  procedureNames: ReadonlyMap<string, string>;
  now: () => number;
  tls?: { cert: string; key: string };
  maxBodyBytes?: number;
  onInternalError?: (error: unknown) => void;
}

const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
} as const;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

const GROUPS: readonly TotalsGroup[] = ['office', 'procedure', 'day', 'month'];

function parseGroups(text: string | null): TotalsGroup[] | null {
  if (text === null || text === '') return [];
  const parts = text.split(',');
  if (parts.length > 3 || new Set(parts).size !== parts.length) return null;
  return parts.every((p) => (GROUPS as readonly string[]).includes(p))
    ? (parts as TotalsGroup[])
    : null;
}

class HubHttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
  }
}

export function createHubServer(options: HubServerOptions): Server {
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const hubTime = () => new Date(options.now()).toISOString();

  function fail(res: ServerResponse, error: unknown, extra: Record<string, string> = {}) {
    const api =
      error instanceof HubHttpError
        ? { code: error.code, message: errorMessage(error.code), details: error.details }
        : toApiError(error);
    if (api.code === 'INTERNAL') options.onInternalError?.(error);
    if (api.code === 'HUB_BODY_TOO_LARGE') extra = { ...extra, Connection: 'close' };
    const payload = api.details === undefined ? { code: api.code, message: api.message } : api;
    send(res, hubStatusOf(api.code), { ok: false, error: payload, hubTime: hubTime() }, extra);
  }

  function authorizedReader(req: IncomingMessage): boolean {
    if (options.readToken === null) return true;
    const header = req.headers.authorization ?? '';
    let given = '';
    if (header.startsWith('Bearer ')) given = header.slice(7);
    else if (header.startsWith('Basic ')) {
      const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
      given = decoded.slice(decoded.indexOf(':') + 1);
    }
    return sameSecret(given, options.readToken);
  }

  function period(url: URL): { from: string; to: string } {
    const today = vnDay(options.now());
    const from = url.searchParams.get('from') ?? `${today.slice(0, 8)}01`;
    const to = url.searchParams.get('to') ?? today;
    if (!isCalendarDay(from) || !isCalendarDay(to) || from > to)
      throw new HubHttpError('HUB_BAD_QUERY', { from: from.slice(0, 20), to: to.slice(0, 20) });
    return { from, to };
  }

  async function write(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (type !== 'application/json') throw new HubHttpError('HUB_UNSUPPORTED_MEDIA_TYPE');
    const body = await readBodyBytes(req, maxBody);
    if (body === null) throw new HubHttpError('HUB_BODY_TOO_LARGE', { limit: maxBody });
    const header = (name: string) => {
      const v = req.headers[name];
      return typeof v === 'string' ? v : undefined;
    };
    const signed: SignedRequest = {
      body,
      signature: header(SIGNATURE_HEADER),
      newKeySignature: header(NEW_KEY_SIGNATURE_HEADER),
    };
    if (path === PATHS.batches) return send(res, 200, await options.ingest.ingestBatch(signed));
    if (path === PATHS.enroll) return send(res, 200, await options.ingest.enroll(signed));
    return send(res, 200, await options.ingest.rotate(signed));
  }

  async function read(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!authorizedReader(req)) throw new HubHttpError('HUB_UNAUTHORIZED');
    const { from, to } = period(url);
    if (url.pathname === PATHS.offices) {
      return send(res, 200, {
        ok: true,
        from,
        to,
        offices: await options.admin.offices({ from, to }),
      });
    }
    if (url.pathname === PATHS.totals) {
      const groups = parseGroups(url.searchParams.get('groupBy'));
      if (groups === null)
        throw new HubHttpError('HUB_BAD_QUERY', { groupBy: 'office|procedure|day|month' });
      const office = url.searchParams.get('office');
      const rows = await options.admin.totals(from, to, groups, office);
      return send(res, 200, { ok: true, from, to, groupBy: groups, rows });
    }
    const [total, byOffice, byProcedure, offices, hubName] = await Promise.all([
      options.admin.totals(from, to, [], null),
      options.admin.totals(from, to, ['office'], null),
      options.admin.totals(from, to, ['procedure'], null),
      options.admin.offices({ from, to }),
      options.admin.hubName(),
    ]);
    const html = renderHubPage({
      hubName,
      from,
      to,
      total: total[0] && total[0].rows > 0 ? total[0] : null,
      byOffice,
      byProcedure,
      offices,
      procedureNames: options.procedureNames,
    });
    res.writeHead(200, {
      ...HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': HUB_PAGE_CSP,
      'X-Frame-Options': 'DENY',
    });
    res.end(html);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    const writes: string[] = [PATHS.batches, PATHS.enroll, PATHS.rotate];
    const reads: string[] = [PATHS.totals, PATHS.offices, '/'];
    try {
      if (writes.includes(url.pathname)) {
        if (req.method !== 'POST') throw new HubHttpError('HUB_METHOD_NOT_ALLOWED');
        return await write(req, res, url.pathname);
      }
      if (url.pathname === PATHS.health) {
        return send(res, 200, {
          ok: true,
          protocol: PROTOCOL,
          hubTime: hubTime(),
          name: await options.admin.hubName(),
        });
      }
      if (reads.includes(url.pathname)) {
        if (req.method !== 'GET' && req.method !== 'HEAD')
          throw new HubHttpError('HUB_METHOD_NOT_ALLOWED');
        return await read(req, res, url);
      }
      throw new HubHttpError('HUB_NOT_FOUND');
    } catch (error) {
      const basic =
        error instanceof HubHttpError && error.code === 'HUB_UNAUTHORIZED' && url.pathname === '/';
      fail(
        res,
        error,
        basic ? { 'WWW-Authenticate': 'Basic realm="motcua-hub", charset="UTF-8"' } : {},
      );
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      options.onInternalError?.(error);
      if (!res.headersSent)
        send(res, 500, {
          ok: false,
          error: { code: 'INTERNAL', message: errorMessage('INTERNAL') },
        });
      else res.end();
    });
  };
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  // Slow-loris guard: a request must arrive whole within 30 s. Offices send batch after batch:
  // their connection is kept longer than Node's 5 s default (and below the headers timeout).
  server.requestTimeout = 30_000;
  server.headersTimeout = 25_000;
  server.keepAliveTimeout = 20_000;
  return server;
}
