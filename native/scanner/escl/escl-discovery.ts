/**
 * DNS-SD discovery of `_uscan._tcp` (HTTP) and `_uscans._tcp` (HTTPS) eSCL services with
 * bonjour-service (scanners.md §2.1). mDNS can be blocked by firewalls (NAPS2 #294), which is
 * why every screen also accepts a typed URL.
 */
import { Bonjour, type Service } from 'bonjour-service';
import type { ScannerDevice } from '../types';

export function esclUriFromService(
  service: Pick<Service, 'addresses' | 'host' | 'port' | 'txt' | 'type'>,
  secure: boolean,
): string {
  const txt = (service.txt ?? {}) as Record<string, unknown>;
  const rs = String(txt.rs ?? 'eSCL').replace(/^\/+|\/+$/g, '');
  const v4 = (service.addresses ?? []).find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a));
  const v6 = (service.addresses ?? []).find((a) => a.includes(':'));
  const host = v4 ?? (v6 ? `[${v6}]` : service.host);
  return `escl:${secure ? 'https' : 'http'}://${host}:${service.port}/${rs}`;
}

export async function discoverEscl(
  listenMs: number,
  signal?: AbortSignal,
): Promise<ScannerDevice[]> {
  const found = new Map<string, ScannerDevice>();
  let bonjour: Bonjour;
  try {
    bonjour = new Bonjour({}, () => undefined);
  } catch {
    return []; // no multicast socket on this machine: manual entry still works
  }
  const add = (service: Service, secure: boolean) => {
    const uri = esclUriFromService(service, secure);
    const txt = (service.txt ?? {}) as Record<string, unknown>;
    found.set(uri, {
      uri,
      driver: 'escl',
      name: String(txt.ty ?? service.name),
      foundBy: 'mdns',
      detail: [txt.is ? `nguồn: ${String(txt.is)}` : '', txt.duplex === 'T' ? 'duplex' : '']
        .filter(Boolean)
        .join(', '),
    });
  };
  const browsers = [
    bonjour.find({ type: 'uscan' }, (s) => add(s, false)),
    bonjour.find({ type: 'uscans' }, (s) => add(s, true)),
  ];
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, listenMs);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  for (const b of browsers) b.stop();
  await new Promise<void>((resolve) => bonjour.destroy(() => resolve()));
  return [...found.values()];
}
