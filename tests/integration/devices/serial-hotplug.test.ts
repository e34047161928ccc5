import { afterEach, describe, expect, it } from 'vitest';
import { nextEvent } from '../../support/events';
import { openTestServices } from '../../support/services';
import { startPtyPair } from '../../support/socat-pty';
import { useTempDirs } from '../../support/temp-dir';

const PAYLOAD =
  '001190012345|012345678|Đặng Thị Thu Hường|01011990|Nữ|Ấp Mỹ Hòa, xã Đông Hưng, Tỉnh Hòa Bình|15042021';
const tempDir = useTempDirs();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('serial scanner through the services, with unplug and replug', () => {
  it('reads a scan, survives an unplug mid-scan, and reads again after replug without restart', async () => {
    const { services, dispatcher } = openTestServices(tempDir());
    cleanups.push(() => services.close());
    cleanups.push(() => services.devices.stop());
    const ptyDir = tempDir();
    let pty = await startPtyPair(ptyDir);
    cleanups.push(() => pty.unplug());

    const deviceKey = `serial:${pty.devicePath}`;
    const connected = nextEvent(
      services.events,
      'device.status',
      (e) => e.scanner.state === 'connected',
    );
    const saved = await dispatcher.dispatch('devices.saveProfile', {
      deviceKey,
      mode: 'serial',
      label: 'Máy quét COM quầy 1',
      settings: { path: pty.devicePath, baudRate: 115200, suffix: 'CRLF' },
    });
    expect(saved.ok).toBe(true);
    services.devices.start({ pollMs: 50 });
    expect((await connected).scanner).toMatchObject({
      deviceKey,
      mode: 'serial',
      path: pty.devicePath,
    });

    let decoded = nextEvent(services.events, 'scan.decoded');
    pty.write(`${PAYLOAD}\r\n`);
    const first = (await decoded).scan;
    expect(first).toMatchObject({
      source: 'serial',
      deviceKey,
      deviceLabel: 'Máy quét COM quầy 1',
      purpose: 'intake',
      idNumberMasked: '0011******45',
      result: { ok: true, citizen: { fullName: 'Đặng Thị Thu Hường' } },
    });
    expect(first.receivedAt).toBe(first.decodedAt); // the test clock is fixed

    // Unplugged mid-scan: only the partial scan is lost, and the UI is told.
    const discarded = nextEvent(services.events, 'scan.discarded');
    const gone = nextEvent(
      services.events,
      'device.status',
      (e) => e.scanner.state === 'disconnected',
    );
    pty.write(PAYLOAD.slice(0, 40));
    while (services.devices.pendingBytes(deviceKey) === 0) await new Promise(setImmediate);
    await pty.unplug();
    expect(await discarded).toMatchObject({ deviceKey, reason: 'unplugged', source: 'serial' });
    expect((await gone).scanner.error?.code).toBe('DEVICE_GONE');

    // Plugged back in: the same port path reappears and is reopened by the next poll.
    const back = nextEvent(
      services.events,
      'device.status',
      (e) => e.scanner.state === 'connected',
    );
    pty = await startPtyPair(ptyDir);
    await back;
    decoded = nextEvent(services.events, 'scan.decoded', (e) => e.scan.scanId !== first.scanId);
    pty.write(`8934563138165\r\n`);
    expect((await decoded).scan.result).toMatchObject({
      ok: false,
      error: { code: 'QR_NOT_CCCD' },
    });

    const recent = await dispatcher.dispatch('intake.recentScans');
    expect(recent.ok && recent.value.map((s) => s.byteLength)).toEqual([
      13,
      Buffer.byteLength(PAYLOAD),
    ]);
    const counts = await dispatcher.dispatch('dossiers.todayCounts');
    expect(counts.ok && counts.value.total).toBe(0); // scanning never saves a dossier by itself
  });

  it('reports a profile whose port does not exist as failed, with its code', async () => {
    const { services, dispatcher } = openTestServices(tempDir());
    cleanups.push(() => services.close());
    cleanups.push(() => services.devices.stop());
    const path = `${tempDir()}/ttyNOPE`;
    const failed = nextEvent(services.events, 'device.status', (e) => e.scanner.state === 'failed');
    services.devices.start({ pollMs: 50 });
    await dispatcher.dispatch('devices.saveProfile', {
      deviceKey: `serial:${path}`,
      mode: 'serial',
      label: 'COM sai',
      settings: { path },
    });
    expect((await failed).scanner.error?.code).toBe('SERIAL_OPEN_FAILED');
    const list = await dispatcher.dispatch('devices.list');
    expect(list.ok && list.value.scanners.map((s) => s.state)).toEqual(['failed']);
  });
});
