import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditRepository } from '../../../db/repositories/audit-repository';
import { createScannerProfilesRepository } from '../../../db/repositories/scanner-profiles-repository';
import type { HidDeviceInfo } from '../../../native/hid/hid-devices';
import { APP_ROOT } from '../../../electron/host/app-root';
import { createAuditService } from '../../../electron/services/audit/audit-service';
import { createBarcodeDevices } from '../../../electron/services/devices/devices-service';
import type { HidIo } from '../../../electron/services/devices/hid-scanners';
import { createScannerProfiles } from '../../../electron/services/devices/scanner-profiles';
import { createScanIntake } from '../../../electron/services/intake/scan-intake';
import { openOfficeDatabaseSync } from '../../../electron/services/office-database';
import { systemClock } from '../../../electron/services/shared/clock';
import { createEventBus } from '../../../electron/services/shared/event-bus';
import { nextEvent } from '../../support/events';
import { useTempDirs } from '../../support/temp-dir';

interface Fixture {
  events: ({ type: 'data'; hex: string } | { type: 'error'; message: string })[];
}
const fixture = (name: string) =>
  JSON.parse(
    readFileSync(join(APP_ROOT, 'tests', 'fixtures', 'hid', `${name}.json`), 'utf8'),
  ) as Fixture;

/** A Honeywell scanner in HID POS mode, as hidapi lists it on Linux. */
const SCANNER: HidDeviceInfo = {
  vendorId: 0x0c2e,
  productId: 0x0b61,
  usagePage: 0x8c,
  usage: 0x02,
  product: 'Xenon 1900',
  manufacturer: 'Honeywell',
  serialNumber: '18011B0123',
  interface: 0,
  path: '/dev/hidraw3',
};
const KEYBOARD: HidDeviceInfo = { ...SCANNER, usagePage: 0x01, usage: 0x06, path: '/dev/hidraw4' };

/** Stands in for node-hid where no USB device can exist: same events, recorded reports. */
class RecordedDevice extends EventEmitter {
  close() {}
  replay(events: Fixture['events']) {
    for (const e of events) {
      if (e.type === 'data') this.emit('data', Buffer.from(e.hex, 'hex'));
      else this.emit('error', new Error(e.message));
    }
  }
}

const tempDir = useTempDirs();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setup() {
  const database = openOfficeDatabaseSync(tempDir(), APP_ROOT);
  cleanups.push(() => database.db.close());
  const events = createEventBus();
  const audit = createAuditService(createAuditRepository(database.db), systemClock, 'test');
  let present: HidDeviceInfo[] = [SCANNER, KEYBOARD];
  const opened: RecordedDevice[] = [];
  const io: HidIo = {
    list: async () => present,
    open: async (path) => {
      if (path !== SCANNER.path) throw new Error('not a scanner');
      const device = new RecordedDevice();
      opened.push(device);
      return device;
    },
    descriptor: async () => null,
  };
  const devices = createBarcodeDevices({
    profiles: createScannerProfiles(createScannerProfilesRepository(database.db), systemClock),
    intake: createScanIntake({ clock: systemClock, events, audit }),
    events,
    clock: systemClock,
    hidIo: io,
  });
  cleanups.push(() => devices.stop());
  return {
    devices,
    events,
    opened,
    unplug: () => (present = [KEYBOARD]),
    replug: () => (present = [SCANNER, KEYBOARD]),
  };
}

describe('HID POS scanners through the services (recorded reports)', () => {
  it('opens the POS collection only, reads a 3-report CCCD scan, survives unplug mid-message and replug', async () => {
    const { devices, events, opened, unplug, replug } = setup();
    const connected = nextEvent(events, 'device.status', (e) => e.scanner.state === 'connected');
    await devices.pollNow();
    expect((await connected).scanner).toMatchObject({
      deviceKey: 'hid:0c2e:0b61:18011B0123',
      mode: 'hid_pos',
      label: 'Honeywell Xenon 1900',
      layout: 'honeywell',
    });
    expect(opened).toHaveLength(1); // the keyboard collection was left alone

    const decoded = nextEvent(events, 'scan.decoded');
    opened[0]!.replay(fixture('honeywell-cccd-3-reports').events);
    expect((await decoded).scan).toMatchObject({
      source: 'hid_pos',
      transport: { layout: 'honeywell', aim: ']Q1', reports: 3 },
      result: { ok: true, citizen: { fullName: 'Đặng Thị Thu Hường' } },
    });

    // Unplugged after report 2 of 3: the partial scan is dropped and the UI told.
    const discarded = nextEvent(events, 'scan.discarded');
    const gone = nextEvent(events, 'device.status', (e) => e.scanner.state === 'disconnected');
    const unplugMidMessage = fixture('honeywell-unplug-mid-message').events.slice(1);
    unplug();
    opened[0]!.replay(unplugMidMessage);
    expect(await discarded).toMatchObject({ reason: 'unplugged', bytes: 112, source: 'hid_pos' });
    expect((await gone).scanner.error?.code).toBe('DEVICE_GONE');
    await devices.pollNow();
    expect(opened).toHaveLength(1); // not listed: not reopened

    // Plugged back: reopened by the next poll, and it reads again.
    const back = nextEvent(events, 'device.status', (e) => e.scanner.state === 'connected');
    replug();
    await devices.pollNow();
    await back;
    expect(opened).toHaveLength(2);
    const again = nextEvent(events, 'scan.decoded');
    opened[1]!.replay(fixture('honeywell-single-report').events);
    expect((await again).scan.rawText).toBe('8934563138165');
  });

  it('leaves a scanner alone when its profile is switched off', async () => {
    const { devices, events, opened } = setup();
    await devices.handlers['devices.saveProfile']({
      deviceKey: 'hid:0c2e:0b61:18011B0123',
      mode: 'hid_pos',
      label: 'Quầy 2',
      enabled: false,
      vendorId: null,
      productId: null,
      settings: { layout: 'auto' },
    });
    let statuses = 0;
    events.subscribe((e) => void (e.type === 'device.status' && statuses++));
    await devices.pollNow();
    expect(opened).toHaveLength(0);
    expect(statuses).toBe(0);
  });
});
