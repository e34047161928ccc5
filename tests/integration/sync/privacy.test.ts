/**
 * Every byte the workstation sends to the hub, captured on the wire: no ID number, name, address
 * or birth date of any citizen, in any encoding, and nothing outside the protocol's closed shape.
 */
import { describe, expect, it } from 'vitest';
import { SUMMARY_FIELDS } from '../../../native/sync/summary-row';
import { startRecordingRelay } from '../../support/fault-proxy';
import { enrollOffice, startTestHub, useHubDatabases } from '../../support/hub-harness';
import { openTestOffice, seededRandom } from '../../support/sync-office';
import { useTempDirs } from '../../support/temp-dir';
import { useCleanups } from '../../support/cleanups';

const tempDir = useTempDirs();
const cleanups = useCleanups();

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Vũ', 'Đặng'];
const MIDDLE = ['Thị', 'Văn', 'Ngọc', 'Đức', 'Thùy'];
const GIVEN = ['Hường', 'Dũng', 'Khuê', 'Quỳnh', 'Nghĩa', 'Ước', 'Ánh'];

function citizen(i: number, random: () => number) {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const year = 1950 + Math.floor(random() * 55);
  return {
    idNumber: `0${String(22 + (i % 60)).padStart(2, '0')}${i % 2}${String(year).slice(2)}${String(100000 + i).slice(-6)}`,
    oldIdNumber: String(100000000 + i * 7919).slice(0, 9),
    fullName: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
    dateOfBirth: `${year}-0${1 + (i % 9)}-1${i % 9}`,
    sex: i % 2 ? ('male' as const) : ('female' as const),
    address: `Số ${i + 1} ngõ ${40 + i} phố Lê Thánh Tông, Phường Hồng Gai, Tỉnh Quảng Ninh`,
    issueDate: '2021-07-01',
  };
}

/** The forms a leaked string could take on the wire. */
function encodings(text: string): string[] {
  const forms = new Set([text, text.normalize('NFC'), text.normalize('NFD'), text.toUpperCase()]);
  for (const f of [...forms]) {
    forms.add(JSON.stringify(f).slice(1, -1));
    forms.add(
      f.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );
    forms.add(encodeURIComponent(f));
    forms.add(Buffer.from(f).toString('base64'));
  }
  return [...forms].filter((f) => f.length >= 6);
}

/** Splits captured HTTP/1.1 client bytes into requests (headers + Content-Length body). */
function requests(stream: Buffer): { head: string; body: Buffer }[] {
  const out: { head: string; body: Buffer }[] = [];
  let at = 0;
  while (at < stream.length) {
    const end = stream.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const head = stream.subarray(at, end).toString('latin1');
    const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
    out.push({ head, body: stream.subarray(end + 4, end + 4 + length) });
    at = end + 4 + length;
  }
  return out;
}

const ALLOWED_KEYS = new Set([
  'protocol',
  'schemaVersion',
  'office',
  'keyId',
  'batchId',
  'sentAt',
  'final',
  'rows',
  'day',
  'procedure',
  'revision',
  'counts',
  'code',
  'publicKey',
  'label',
  ...SUMMARY_FIELDS,
]);
const ALLOWED_HEADERS = new Set([
  'host',
  'connection',
  'content-type',
  'content-length',
  'accept',
  'x-motcua-signature',
]);

function checkShape(value: unknown, path: string, strings: string[]): void {
  if (Array.isArray(value)) return value.forEach((v, i) => checkShape(v, `${path}[${i}]`, strings));
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      expect(ALLOWED_KEYS.has(k), `${path}.${k}`).toBe(true);
      checkShape(v, `${path}.${k}`, strings);
    }
    return;
  }
  if (typeof value === 'string') strings.push(value);
  else expect(['number', 'boolean'], path).toContain(typeof value);
}

describe('privacy on the wire', () => {
  const hubDb = useHubDatabases('sqlite', tempDir);

  it('no personal data leaves the workstation', async () => {
    const hub = await startTestHub(await hubDb());
    cleanups.push(() => hub.close());
    const relay = await startRecordingRelay(hub.url);
    cleanups.push(() => relay.close());
    const office = await openTestOffice(tempDir(), '000.00.15.H33', Date.now());
    cleanups.push(() => office.services.close());

    const random = seededRandom(99);
    const citizens = Array.from({ length: 60 }, (_, i) => citizen(i, random));
    const keys = ['dang-ky-khai-sinh', 'dang-ky-thuong-tru', 'dang-ky-tam-tru', 'dang-ky-ket-hon'];
    for (const [i, c] of citizens.entries()) {
      const r = await office.dispatcher.dispatch('dossiers.create', {
        procedureKey: keys[i % keys.length]!,
        channel: (['in_person', 'online_assisted', 'postal'] as const)[i % 3],
        citizen: c,
        note: `Liên hệ ${c.fullName}, ${c.address}`,
      });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    await enrollOffice(office, hub, relay.url);
    const run = await office.dispatcher.dispatch('sync.now');
    expect(run.ok && run.value.results[0]!.ok).toBe(true);
    expect(run.ok && run.value.results[0]!.acknowledged).toBeGreaterThan(0);

    const wire = Buffer.concat(relay.sent);
    const text = wire.toString('latin1');
    const utf8 = wire.toString('utf8');
    for (const c of citizens) {
      const secrets = [
        c.idNumber,
        c.oldIdNumber,
        c.fullName,
        c.address,
        c.dateOfBirth,
        c.dateOfBirth.split('-').reverse().join(''),
        c.address.split(',')[0]!,
      ];
      for (const secret of secrets)
        for (const form of encodings(secret)) {
          expect(utf8.includes(form), `leaked "${form}"`).toBe(false);
          expect(text.includes(form), `leaked "${form}"`).toBe(false);
        }
    }
    // Any 12-digit or 9-digit run would be an ID number: counts and revisions never look like one
    // in a field of their own, so search the string values, not the numbers.
    const parsed = requests(wire);
    expect(parsed.length).toBeGreaterThanOrEqual(2); // enrollment + at least one batch
    const strings: string[] = [];
    for (const { head, body } of parsed) {
      for (const line of head.split('\r\n').slice(1)) {
        expect(ALLOWED_HEADERS.has(line.split(':')[0]!.toLowerCase()), line).toBe(true);
      }
      checkShape(JSON.parse(body.toString('utf8')) as unknown, '$', strings);
    }
    for (const s of strings) {
      expect(s, 'a string value that could be an ID number').not.toMatch(/\d{9,}/);
      expect(
        /^(motcua-sync\/1|\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?|[a-z0-9-]+|[A-Za-z0-9._-]+|[A-Za-z0-9+/=]{44}|[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}|Văn phòng 000\.00\.15\.H33)$/.test(
          s,
        ),
        `unexpected string on the wire: ${s}`,
      ).toBe(true);
    }
  }, 60_000);
});
