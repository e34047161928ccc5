import type { IpcMainInvokeEvent } from 'electron';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { callNames, type CallInput, type CallName } from '../../../electron/api/contract';
import { createDispatcher } from '../../../electron/api/dispatch';
import { CALL_CHANNEL } from '../../../electron/api/ipc-channels';
import type { ApiResult } from '../../../electron/api/result';
import { createHttpHost } from '../../../electron/host/http-adapter';
import { registerIpcAdapter, type IpcMainLike } from '../../../electron/main/ipc-adapter';
import { openTestServices, SAMPLE_CITIZEN, TEST_OFFICE } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

/**
 * One example input per contract call. The mapped type makes this table fail to compile when a
 * call is added without an example, so "every entry is served by both adapters" stays true.
 */
const EXAMPLES: { [N in CallName]: CallInput<N> } = {
  'system.info': undefined,
  'settings.getOffice': undefined,
  'settings.updateOffice': TEST_OFFICE,
  'procedures.list': undefined,
  'intake.parseQr': {
    text: '022303004567|123456789|Trần Thị Ngọc Hường|09112003|Nữ|Hạ Long|01072021',
  },
  'dossiers.create': {
    procedureKey: 'dang-ky-khai-sinh',
    channel: 'in_person',
    citizen: SAMPLE_CITIZEN,
  },
  'dossiers.todayCounts': undefined,
  'dossiers.listRecent': { limit: 5 },
  'sync.status': undefined,
  'sync.now': undefined,
  // Port 1 on loopback refuses connections: the enrollment reaches the network layer.
  'sync.enroll': { hubUrl: 'http://127.0.0.1:1/', code: 'ABCD-EFGH-JKMN' },
  'sync.publicKey': undefined,
  'sync.rotateKey': undefined,
  'sync.setRecipientEnabled': { recipientId: 1, enabled: false },
  'sync.removeRecipient': { recipientId: 1 },
  'sync.updateSettings': { batchSize: 100, intervalMinutes: 10, timeoutSeconds: 20 },
};

/** Calls whose example needs a hub or a recipient: both adapters must give the same error. */
const EXPECTED_ERROR: Partial<Record<CallName, string>> = {
  'sync.now': 'SYNC_NOT_CONFIGURED',
  'sync.enroll': 'SYNC_HUB_UNREACHABLE',
  'sync.rotateKey': 'SYNC_NOT_CONFIGURED',
  'sync.setRecipientEnabled': 'SYNC_RECIPIENT_NOT_FOUND',
  'sync.removeRecipient': 'SYNC_RECIPIENT_NOT_FOUND',
};

/** Per-data-dir values: paths, and each office's freshly generated key. */
function comparable(result: unknown): string {
  return JSON.stringify(result)
    .replace(/motcua-test-\w+/g, 'DIR')
    .replace(/"(publicKey|keyId|fingerprint)":"[^"]+"/g, '"$1":"KEY"');
}

function fakeIpc() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const invoke = (trusted: boolean, ...args: unknown[]) =>
    handlers.get(CALL_CHANNEL)!({ trusted } as unknown as IpcMainInvokeEvent, ...args) as Promise<
      ApiResult<unknown>
    >;
  return { ipc, invoke };
}

const tempDir = useTempDirs();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup() {
  // Two identical data dirs: the same calls in the same order must give the same answers.
  const viaIpc = openTestServices(tempDir());
  const viaHttp = openTestServices(tempDir());
  cleanups.push(
    () => viaIpc.services.close(),
    () => viaHttp.services.close(),
  );

  const { ipc, invoke } = fakeIpc();
  registerIpcAdapter(
    ipc,
    createDispatcher(viaIpc.services.handlers),
    (event) => (event as unknown as { trusted: boolean }).trusted,
  );

  const server = createHttpHost({
    dispatcher: createDispatcher(viaHttp.services.handlers),
    subscribe: (l) => viaHttp.services.events.subscribe(l),
    staticRoot: tempDir(),
    token: 'test-token',
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  const port = (server.address() as AddressInfo).port;
  const post = async (name: string, body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/call/${name}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-token', ...headers },
      body,
    });
    return { status: response.status, result: (await response.json()) as ApiResult<unknown> };
  };
  return { invoke, post, port };
}

describe('both adapters serve the same contract', () => {
  it('every contract entry answers through IPC and HTTP, with identical results', async () => {
    const { invoke, post } = await setup();
    expect(Object.keys(EXAMPLES).sort()).toEqual([...callNames].sort());
    for (const name of callNames) {
      const input = EXAMPLES[name];
      const ipcResult = await invoke(true, name, input);
      const { result: httpResult } = await post(
        name,
        input === undefined ? '' : JSON.stringify(input),
      );
      const expectedError = EXPECTED_ERROR[name];
      if (expectedError) {
        expect(ipcResult, name).toMatchObject({ ok: false, error: { code: expectedError } });
      } else {
        expect(ipcResult.ok, `${name}: ${JSON.stringify(ipcResult)}`).toBe(true);
      }
      // Paths and timestamps differ between the two data dirs; shapes and codes must not.
      expect(comparable(httpResult)).toBe(comparable(ipcResult));
    }
  });

  it('both refuse unknown calls and invalid input the same way, before any service runs', async () => {
    const { invoke, post } = await setup();
    expect((await invoke(true, 'system.shutdown', {})).ok).toBe(false);
    expect(await invoke(true, 'system.shutdown', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CALL' },
    });
    expect((await post('system.shutdown', '{}')).result).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CALL' },
    });
    const bad = {
      procedureKey: 'dang-ky-khai-sinh',
      citizen: { ...SAMPLE_CITIZEN, idNumber: '123' },
    };
    expect(await invoke(true, 'dossiers.create', bad)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await post('dossiers.create', JSON.stringify(bad))).toMatchObject({
      status: 400,
      result: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
  });

  it('IPC refuses an untrusted sender', async () => {
    const { invoke } = await setup();
    expect(await invoke(false, 'system.info')).toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    });
  });

  it('HTTP refuses a missing or wrong token, a foreign Origin, a foreign Host, malformed JSON and oversized bodies', async () => {
    const { post, port } = await setup();
    expect(await post('system.info', '', { Authorization: '' })).toMatchObject({
      status: 401,
      result: { error: { code: 'UNAUTHORIZED' } },
    });
    expect(await post('system.info', '', { Authorization: 'Bearer wrong-token' })).toMatchObject({
      status: 401,
    });
    expect(await post('system.info', '', { Origin: 'http://evil.example' })).toMatchObject({
      status: 403,
      result: { error: { code: 'UNTRUSTED_SENDER' } },
    });
    expect(await post('intake.parseQr', '{"text": ')).toMatchObject({
      status: 400,
      result: { error: { code: 'INVALID_INPUT' } },
    });
    expect(
      await post('intake.parseQr', JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) })),
    ).toMatchObject({ status: 413 });
    // DNS rebinding: a page of attacker.example resolved to 127.0.0.1 (fetch cannot forge Host).
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/call/system.info',
          headers: { Authorization: 'Bearer test-token', Host: `attacker.example:${port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('streams service events over SSE to a client holding the token', async () => {
    const { post, port } = await setup();
    expect((await fetch(`http://127.0.0.1:${port}/api/events?token=nope`)).status).toBe(401);
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/events?token=test-token`, {
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read(); // ": connected"
    await post('settings.updateOffice', JSON.stringify(TEST_OFFICE));
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toMatch(
      /^data: \{"type":"settings.changed","at":\d+\}/,
    );
    controller.abort();
  });
});
