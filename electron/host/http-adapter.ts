import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../api/content-security-policy';
import type { Dispatcher } from '../api/dispatch';
import { errorMessage, type ApiError, type ErrorCode } from '../api/errors';
import type { AppEvent } from '../api/events';
import type { ApiResult } from '../api/result';
import { readStaticFile } from '../services/shared/static-files';
import { readBodyBytes } from './shared/read-body';
import { sameSecret } from './shared/same-secret';

export interface HttpHostOptions {
  dispatcher: Dispatcher;
  subscribe(listener: (event: AppEvent) => void): () => void;
  /** Built renderer (out/renderer). */
  staticRoot: string;
  /** Random per run: only a page opened from the printed URL can call the API. */
  token: string;
  maxBodyBytes?: number;
  heartbeatMs?: number;
}

export const CALL_PREFIX = '/api/call/';
export const EVENTS_PATH = '/api/events';

const STATUS_FOR: Partial<Record<ErrorCode, number>> = {
  UNKNOWN_CALL: 404,
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  UNTRUSTED_SENDER: 403,
  INTERNAL: 500,
  DB_BUSY: 503,
};

function httpStatusOf(result: ApiResult<unknown>): number {
  return result.ok ? 200 : (STATUS_FOR[result.error.code] ?? 422);
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function failure(code: ErrorCode, details?: Record<string, unknown>): ApiResult<never> {
  const error: ApiError = details
    ? { code, message: errorMessage(code), details }
    : { code, message: errorMessage(code) };
  return { ok: false, error };
}

function tokensEqual(given: string | null | undefined, expected: string): boolean {
  return !!given && sameSecret(given, expected);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const bytes = await readBodyBytes(req, limit);
  return bytes === null ? null : bytes.toString('utf8');
}

/**
 * The headless host's HTTP adapter: the same contract as the IPC adapter, over
 * `POST /api/call/<domain.action>` with a JSON body, plus Server-Sent Events on `/api/events`.
 * Listens on 127.0.0.1 only; the Host and Origin checks stop other sites reaching it through
 * DNS rebinding or cross-origin requests, and the bearer token stops other local pages.
 */
export function createHttpHost(options: HttpHostOptions): Server {
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const heartbeatMs = options.heartbeatMs ?? 15_000;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[http] request failed:', error);
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL'));
      else res.end();
    });
  });

  function isOwnHost(req: IncomingMessage): boolean {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const host = req.headers.host;
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  }

  function isOwnOrigin(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true; // same-origin GETs and non-browser clients send none
    return origin === `http://${req.headers.host}`;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isOwnHost(req)) {
      sendJson(res, 421, failure('UNTRUSTED_SENDER', { reason: 'host' }));
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname.startsWith(CALL_PREFIX)) {
      if (req.method !== 'POST') {
        res.writeHead(405, { Allow: 'POST' }).end();
        return;
      }
      if (!isOwnOrigin(req)) {
        sendJson(res, 403, failure('UNTRUSTED_SENDER', { reason: 'origin' }));
        return;
      }
      const auth = req.headers.authorization;
      if (!tokensEqual(auth?.startsWith('Bearer ') ? auth.slice(7) : null, options.token)) {
        sendJson(res, 401, failure('UNAUTHORIZED'));
        return;
      }
      const name = decodeURIComponent(url.pathname.slice(CALL_PREFIX.length));
      const text = await readBody(req, maxBody);
      if (text === null) {
        res.setHeader('Connection', 'close');
        sendJson(res, 413, failure('INVALID_INPUT', { reason: 'body too large', limit: maxBody }));
        return;
      }
      let input: unknown;
      try {
        input = text.trim() === '' ? undefined : JSON.parse(text);
      } catch {
        sendJson(res, 400, failure('INVALID_INPUT', { reason: 'malformed JSON' }));
        return;
      }
      const result = await options.dispatcher.dispatch(name, input);
      sendJson(res, httpStatusOf(result), result);
      return;
    }

    if (url.pathname === EVENTS_PATH) {
      if (!isOwnOrigin(req) || !tokensEqual(url.searchParams.get('token'), options.token)) {
        sendJson(res, 401, failure('UNAUTHORIZED'));
        return;
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      const unsubscribe = options.subscribe((event) => {
        res.write(`data: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
      req.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await readStaticFile(options.staticRoot, url.pathname);
    if (!file) {
      res
        .writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Không tìm thấy');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': file.contentType.startsWith('text/html')
        ? 'no-store'
        : 'public, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  return server;
}
