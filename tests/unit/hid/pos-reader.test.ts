import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachPosReader, type DiscardReason } from '../../../native/hid/hid-pos-reader';
import { layoutForVendor } from '../../../native/hid/pos-layouts';
import { parseCccdQr } from '../../../native/cccd/qr-payload';

interface Fixture {
  description: string;
  vendorId: number;
  layout: string;
  events: ({ type: 'data'; hex: string } | { type: 'error'; message: string })[];
  expected: {
    scans: { text: string; aim: string | null; reports: number }[];
    discarded: { reason: DiscardReason; bytes: number }[];
  };
}

const DIR = join(__dirname, '..', '..', 'fixtures', 'hid');
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Fixture] as const);

/** Stands in for node-hid's HIDAsync: the same 'data' / 'error' events, fed from a recording. */
class RecordedDevice extends EventEmitter {
  closed = false;
  close() {
    this.closed = true;
  }
  replay(events: Fixture['events']) {
    for (const e of events) {
      if (e.type === 'data') this.emit('data', Buffer.from(e.hex, 'hex'));
      else this.emit('error', new Error(e.message));
    }
  }
}

function run(fixture: Fixture, layoutKnown: boolean) {
  const device = new RecordedDevice();
  const scans: { text: string; aim: string | null; reports: number; layout: string }[] = [];
  const discarded: { reason: DiscardReason; bytes: number }[] = [];
  const gone: Error[] = [];
  attachPosReader(
    device,
    {
      onScan: (scan) =>
        scans.push({
          text: new TextDecoder('utf-8', { fatal: true }).decode(scan.bytes),
          aim: scan.aim,
          reports: scan.reports,
          layout: scan.layout,
        }),
      onDiscard: (reason, bytes) => discarded.push({ reason, bytes }),
      onGone: (error) => gone.push(error),
    },
    { layout: layoutKnown ? layoutForVendor(fixture.vendorId) : null },
  );
  device.replay(fixture.events);
  return { device, scans, discarded, gone };
}

describe('HID POS reader on recorded report sequences', () => {
  it('has a sequence for each layout and case', () => {
    expect(fixtures.map(([f]) => f).sort()).toEqual([
      'honeywell-cccd-3-reports.json',
      'honeywell-single-report.json',
      'honeywell-unplug-mid-message.json',
      'newland-cccd-3-reports.json',
      'newland-unplug-mid-message.json',
    ]);
  });

  describe.each(fixtures)('%s', (_file, fixture) => {
    it('yields the expected scans and discards, decoding UTF-8 once over the whole payload', () => {
      const { scans, discarded, gone, device } = run(fixture, true);
      expect(scans.map(({ layout: _l, ...s }) => s)).toEqual(fixture.expected.scans);
      expect(scans.every((s) => s.layout === fixture.layout)).toBe(true);
      expect(discarded).toEqual(fixture.expected.discarded);
      const unplugged = fixture.events.some((e) => e.type === 'error');
      expect(gone).toHaveLength(unplugged ? 1 : 0);
      expect(device.closed).toBe(unplugged);
    });

    it('reads the same without knowing the vendor (layout guessed from the first report)', () => {
      const { scans } = run(fixture, false);
      expect(scans.map((s) => s.text)).toEqual(fixture.expected.scans.map((s) => s.text));
    });
  });

  it('turns the 3-report CCCD payload into the citizen, with the straddling letter intact', () => {
    const [, fixture] = fixtures.find(([f]) => f === 'newland-cccd-3-reports.json')!;
    const { scans } = run(fixture, true);
    const result = parseCccdQr(new TextEncoder().encode(scans[0]!.text), { today: '2026-11-24' });
    expect(result).toMatchObject({
      ok: true,
      citizen: {
        fullName: 'Đặng Thị Thu Hường',
        address: 'Ấp Mỹ Hòa, xã Đông Hưng, Tỉnh Hòa Bình',
      },
      warnings: [],
    });
  });

  it('decoding each report on its own would have garbled the letter (why bytes are joined first)', () => {
    const [, fixture] = fixtures.find(([f]) => f === 'honeywell-cccd-3-reports.json')!;
    const first = Buffer.from((fixture.events[0] as { hex: string }).hex, 'hex');
    const data = first.subarray(5, 5 + first[1]!);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(data)).toThrow();
  });

  it('drops a continued scan whose next report never comes, and keeps reading', async () => {
    const [, fixture] = fixtures.find(([f]) => f === 'honeywell-cccd-3-reports.json')!;
    const device = new RecordedDevice();
    const discarded: string[] = [];
    const scans: number[] = [];
    let dropped: () => void = () => undefined;
    const droppedOnce = new Promise<void>((resolve) => (dropped = resolve));
    attachPosReader(
      device,
      {
        onScan: (s) => scans.push(s.bytes.length),
        onDiscard: (reason) => {
          discarded.push(reason);
          dropped();
        },
        onGone: () => undefined,
      },
      { layout: layoutForVendor(fixture.vendorId), staleMs: 5 },
    );
    device.replay(fixture.events.slice(0, 1));
    await droppedOnce;
    device.replay(fixture.events);
    expect(discarded).toEqual(['timeout']);
    expect(scans).toHaveLength(1);
  });
});
