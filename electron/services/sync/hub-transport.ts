/**
 * HTTP(S) to a hub: node:http/https directly (not fetch) for precise network and TLS errors and
 * for certificate pinning. Trust = Node's bundled roots + the system store where it is a file
 * (Debian/Ubuntu/RHEL) + an optional private CA from the recipient's configuration; or, for a
 * hub with a self-signed certificate, only the pinned SHA-256 fingerprint.
 */
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { existsSync, readFileSync } from 'node:fs';
import { rootCertificates, type TLSSocket } from 'node:tls';
import { errorResponseSchema, parseJsonBytes } from '../../../native/sync/protocol';
import { AppError, isErrorCode, type ErrorCode } from '../../api/errors';

export interface HubEndpoint {
  url: string;
  tlsPinSha256: string | null;
  tlsCaPem: string | null;
}

export interface HubResponse {
  status: number;
  body: unknown;
}

const SYSTEM_CA_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/cert.pem',
];
let systemCa: string[] | null = null;

function trustedCas(extraPem: string | null): string[] {
  if (systemCa === null) {
    const file = SYSTEM_CA_FILES.find((f) => existsSync(f));
    systemCa = file ? [readFileSync(file, 'utf8')] : [];
  }
  return [...rootCertificates, ...systemCa, ...(extraPem ? [extraPem] : [])];
}

/** "ab:CD 12…" or plain hex → Node's `fingerprint256` form (upper-case, colon-separated). */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/.{2}/g)!.join(':');
}

/** http(s) only, no credentials or fragment; a trailing path prefix is kept (reverse proxies). */
export function parseHubUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError('SYNC_HUB_URL_INVALID', { url: text.slice(0, 200) });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new AppError('SYNC_HUB_URL_INVALID', { url: text.slice(0, 200) });
  }
  url.hash = '';
  url.search = '';
  return url;
}

const TLS_TRUST_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

function networkError(error: NodeJS.ErrnoException, url: URL): AppError {
  const code = error.code ?? '';
  if (error instanceof AppError) return error;
  if (TLS_TRUST_CODES.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'))
    return new AppError('SYNC_TLS_UNTRUSTED', { host: url.host, reason: code });
  return new AppError('SYNC_HUB_UNREACHABLE', { host: url.host, reason: code || error.message });
}

const MAX_RESPONSE_BYTES = 1024 * 1024;

function readResponse(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) {
        res.destroy();
        reject(new AppError('SYNC_HUB_GARBAGE', { reason: 'response too large' }));
      } else chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
    res.on('aborted', () => reject(new Error('response aborted')));
  });
}

/**
 * POSTs `body` and returns the status and the parsed JSON answer. Throws AppError with
 * SYNC_HUB_UNREACHABLE, SYNC_HUB_TIMEOUT, SYNC_TLS_UNTRUSTED, SYNC_TLS_PIN_MISMATCH or
 * SYNC_HUB_GARBAGE (not JSON: a captive portal, a proxy's error page, a wrong URL).
 */
export async function postToHub(
  endpoint: HubEndpoint,
  path: string,
  body: Buffer,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<HubResponse> {
  try {
    return await postOnce(endpoint, path, body, headers, timeoutMs);
  } catch (error) {
    // A kept-alive connection the hub closed just as we reused it (RFC 9112 §9.3.1): every
    // request of this protocol is idempotent, so it is sent once more on a fresh connection.
    if (error instanceof StaleConnectionError)
      return postOnce(endpoint, path, body, headers, timeoutMs);
    throw error;
  }
}

class StaleConnectionError extends Error {}

function postOnce(
  endpoint: HubEndpoint,
  path: string,
  body: Buffer,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<HubResponse> {
  const base = parseHubUrl(endpoint.url);
  const target = new URL(base.pathname.replace(/\/+$/, '') + path, base);
  const pin = endpoint.tlsPinSha256 ? normalizeFingerprint(endpoint.tlsPinSha256) : null;
  const isHttps = target.protocol === 'https:';
  const options: RequestOptions & Record<string, unknown> = {
    method: 'POST',
    headers: {
      ...headers,
      'Content-Type': 'application/json',
      'Content-Length': String(body.length),
      Accept: 'application/json',
    },
    timeout: timeoutMs,
    // Pinned: a fresh connection each time, so every response comes over a checked handshake.
    ...(isHttps && pin
      ? { agent: false, rejectUnauthorized: false }
      : isHttps
        ? { ca: trustedCas(endpoint.tlsCaPem) }
        : {}),
  };
  return new Promise<HubResponse>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(error);
    };
    const req = (isHttps ? httpsRequest : httpRequest)(target, options, (res) => {
      readResponse(res).then(
        (bytes) => {
          const parsed = parseJsonBytes(bytes);
          if (!parsed.ok) {
            const status = res.statusCode ?? 0;
            return fail(
              new AppError(status >= 500 ? 'SYNC_HUB_SERVER_ERROR' : 'SYNC_HUB_GARBAGE', {
                status: res.statusCode,
                contentType: String(res.headers['content-type'] ?? '').slice(0, 80),
              }),
            );
          }
          settled = true;
          resolve({ status: res.statusCode ?? 0, body: parsed.value });
        },
        (error: NodeJS.ErrnoException) => fail(networkError(error, target)),
      );
    });
    req.on('timeout', () => fail(new AppError('SYNC_HUB_TIMEOUT', { timeoutMs })));
    req.on('error', (error: NodeJS.ErrnoException) =>
      fail(
        req.reusedSocket && error.code === 'ECONNRESET'
          ? new StaleConnectionError(error.message)
          : networkError(error, target),
      ),
    );
    if (isHttps && pin) {
      // The body is written only after the server proved it holds the pinned certificate.
      req.on('socket', (socket) => {
        socket.once('secureConnect', () => {
          const seen = (socket as TLSSocket).getPeerCertificate().fingerprint256;
          if (seen !== pin)
            fail(new AppError('SYNC_TLS_PIN_MISMATCH', { expected: pin, received: seen ?? null }));
          else req.end(body);
        });
      });
    } else {
      req.end(body);
    }
  });
}

/** Codes a hub may answer that this app knows; anything else is reported as HUB_REJECTED. */
export function hubErrorCode(code: string, known: (c: string) => c is ErrorCode): ErrorCode {
  return known(code) && code.startsWith('HUB_') ? code : 'SYNC_HUB_REJECTED';
}

/** What a hub's refusal means for this app: a known code (else SYNC_HUB_…) and its facts. */
export function hubRefusal(response: HubResponse): {
  code: ErrorCode;
  hubCode: string | null;
  details: Record<string, unknown>;
} {
  const parsed = errorResponseSchema.safeParse(response.body);
  if (!parsed.success) {
    return {
      code: response.status >= 500 ? 'SYNC_HUB_SERVER_ERROR' : 'SYNC_HUB_GARBAGE',
      hubCode: null,
      details: { status: response.status },
    };
  }
  const { code, details = {} } = parsed.data.error;
  const mapped =
    response.status >= 500 && !code.startsWith('HUB_DB')
      ? 'SYNC_HUB_SERVER_ERROR'
      : hubErrorCode(code, isErrorCode);
  return {
    code: mapped,
    hubCode: code,
    details: { status: response.status, hubCode: code, ...details },
  };
}
