import type { IpcMainInvokeEvent } from 'electron';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { callNames, type CallInput, type CallName } from '../../../electron/api/contract';
import { createDispatcher } from '../../../electron/api/dispatch';
import type { ErrorCode } from '../../../electron/api/errors';
import { CALL_CHANNEL } from '../../../electron/api/ipc-channels';
import { APP_ROOT } from '../../../electron/host/app-root';
import type { ApiResult } from '../../../electron/api/result';
import { createHttpHost } from '../../../electron/host/http-adapter';
import { registerIpcAdapter, type IpcMainLike } from '../../../electron/main/ipc-adapter';
import { openTestServices, SAMPLE_CITIZEN, TEST_OFFICE } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';
import { testPki } from '../../support/chip/pki';

// No smart-card service in this test: chip.read answers PCSC_UNAVAILABLE through both adapters.
process.env.MOTCUA_PCSC = 'off';
const TEST_CSCA = testPki().csca.toString('base64');

const CATALOG_2025 = readFileSync(
  join(APP_ROOT, 'resources', 'catalog', 'procedures-2025.json'),
  'utf8',
);

/**
 * One example input per contract call. The mapped type makes this table fail to compile when a
 * call is added without an example, so "every entry is served by both adapters" stays true.
 */
const NO_DRAFT = '00000000-0000-4000-8000-000000000000';
const EXAMPLES: { [N in CallName]: CallInput<N> } = {
  'system.info': undefined,
  'settings.getOffice': undefined,
  'settings.updateOffice': TEST_OFFICE,
  'procedures.list': undefined,
  'procedures.get': { key: 'dang-ky-khai-sinh' },
  'procedures.setLevel': {
    key: 'dang-ky-khai-sinh',
    currentLevel: 'full',
    note: 'Đã toàn trình trên VNeID',
  },
  'intake.parseQr': {
    text: '022303004567|123456789|Trần Thị Ngọc Hường|09112003|Nữ|Hạ Long|01072021',
  },
  'dossiers.create': {
    procedureKey: 'dang-ky-khai-sinh',
    channel: 'online_assisted',
    citizen: SAMPLE_CITIZEN,
    intakeMethod: 'qr',
    assistedFiling: { outcome: 'submitted', reference: 'G22.99-261124-0001' },
  },
  'dossiers.todayCounts': undefined,
  'dossiers.listRecent': { limit: 5 },
  'dossiers.list': { from: '2026-11-01', to: '2026-11-30' },
  'dossiers.get': { code: '000.00.15.H33-261124-0001' },
  'dossiers.setStatus': { code: '000.00.15.H33-261124-0001', status: 'processing' },
  'dossiers.recordAssistedFiling': {
    code: '000.00.15.H33-261124-0001',
    outcome: 'failed',
    reason: 'Lỗi kết nối Cổng DVCQG',
  },
  'dossiers.getSettings': undefined,
  'dossiers.updateSettings': { workstationPrefix: '2', stuckAfterDays: 5, provinceCode: '22' },
  'catalog.versions': undefined,
  'catalog.export': { format: 'json' },
  'catalog.previewImport': { format: 'json', content: CATALOG_2025 },
  // The token comes from a preview on the same adapter just before (see the loop).
  'catalog.applyImport': { format: 'json', content: CATALOG_2025, token: 'from-preview' },
  'calendar.list': { year: 2026 },
  'calendar.setDay': { day: '2026-12-31', kind: 'holiday', name: 'Nghỉ thử nghiệm' },
  'calendar.removeDay': { day: '2026-12-31' },
  'calendar.dueDate': { procedureKey: 'dang-ky-thuong-tru' },
  'indicators.compute': { month: '2026-11' },
  'dashboard.get': { period: '2026-11' },
  'chip.status': undefined,
  'chip.read': { key: { kind: 'can', can: '000123' } },
  'chip.cancel': undefined,
  'chip.trustList': undefined,
  'chip.trustImport': { fileName: 'csca.der', contentBase64: TEST_CSCA },
  'chip.trustRemove': { fingerprint: '0'.repeat(64) },
  'chip.vendorIngest': {
    format: 'cicclient',
    payload: { personalData: { idCode: '022303004567', personName: 'Trần Thị Ngọc Hường' } },
  },
  'autofill.listTemplates': undefined,
  'autofill.saveTemplate': {
    name: 'Cổng DVC tỉnh — người nộp',
    steps: [
      { kind: 'field', field: 'fullName' },
      { kind: 'key', key: 'Tab' },
    ],
  },
  'autofill.deleteTemplate': { id: 'builtin-name-split' },
  'autofill.exportTemplates': { ids: ['builtin-generic'] },
  'autofill.importTemplates': {
    json: JSON.stringify({
      format: 'motcua-desk/autofill-templates',
      version: 1,
      templates: [{ name: 'Nhập thử', steps: [{ kind: 'field', field: 'address' }] }],
    }),
  },
  'autofill.preview': { templateId: 'builtin-generic', source: { sample: true } },
  // Must never reach the desktop in a test run: the ID is not revealed, so it is refused first.
  'autofill.start': { templateId: 'builtin-generic', source: { sample: true }, idRevealed: false },
  'autofill.abort': undefined,
  'autofill.status': undefined,
  'intake.submitScan': {
    bytes: Buffer.from(
      '022303004567|123456789|Trần Thị Ngọc Hường|09112003|Nữ|Hạ Long|01072021',
    ).toString('base64'),
    source: 'manual',
    at: 0,
  },
  'intake.recentScans': undefined,
  // A scan id that is not in the session: both adapters must answer SCAN_NOT_FOUND alike.
  'intake.revealId': { scanId: 'not-in-session' },
  'intake.oldIdSlip': { scanId: 'not-in-session' },
  'devices.list': undefined,
  'devices.saveProfile': {
    deviceKey: 'wedge',
    mode: 'wedge',
    label: 'Máy quét bàn phím',
    settings: { interKeyGapMs: 30 },
  },
  'devices.deleteProfile': { deviceKey: 'wedge' },
  'devices.wedgeSettings': undefined,
  'devices.armTestScan': { timeoutMs: 5000 },
  'devices.disarmTestScan': undefined,
  'scanners.discover': undefined,
  'scanners.capabilities': { uri: 'sane:test' },
  'scanners.listProfiles': undefined,
  'scanners.saveProfile': {
    name: 'Quầy 1 — ADF 300 dpi màu',
    deviceUri: 'sane:test',
    source: 'feeder',
    duplex: false,
    dpi: 300,
    colorMode: 'color',
  },
  'scanners.archiveProfile': { id: 1 },
  'digitization.listDossiers': { limit: 5 },
  'digitization.componentTypes': { procedureKey: 'dang-ky-khai-sinh' },
  'digitization.startScan': { dossierCode: '000.00.15.H33-261124-0001' },
  'digitization.cancelScan': { draftId: NO_DRAFT },
  'digitization.getDraft': { draftId: NO_DRAFT },
  'digitization.listDrafts': { dossierCode: '000.00.15.H33-261124-0001' },
  'digitization.pageImage': { draftId: NO_DRAFT, seq: 1 },
  'digitization.updatePage': { draftId: NO_DRAFT, seq: 1, keep: true, rotation: 90 },
  'digitization.saveDocument': {
    draftId: NO_DRAFT,
    kind: 'component',
    componentType: 'giay-chung-sinh',
    title: 'Giấy chứng sinh',
  },
  'digitization.discardDraft': { draftId: NO_DRAFT },
  'digitization.documents': { dossierCode: '000.00.15.H33-261124-0001' },
  'digitization.documentPdf': { documentId: 1 },
  'digitization.reuseCandidates': { dossierCode: '000.00.15.H33-261124-0001' },
  'digitization.reuse': {
    dossierCode: '000.00.15.H33-261124-0001',
    documentId: 1,
    componentType: 'giay-to-tuy-than',
  },
  'digitization.summary': { from: '2026-11-01', to: '2026-11-30' },
  'sync.status': undefined,
  'sync.now': undefined,
  // Port 1 on loopback refuses connections: the enrollment reaches the network layer.
  'sync.enroll': { hubUrl: 'http://127.0.0.1:1/', code: 'ABCD-EFGH-JKMN' },
  'sync.publicKey': undefined,
  'sync.rotateKey': undefined,
  'sync.setRecipientEnabled': { recipientId: 1, enabled: false },
  'sync.removeRecipient': { recipientId: 1 },
  'sync.updateSettings': { batchSize: 100, intervalMinutes: 10, timeoutSeconds: 20 },
  'reports.listProfiles': undefined,
  'reports.saveProfile': {
    profile: {
      name: 'Báo cáo gửi Công an xã',
      title: 'Kết quả tiếp nhận hồ sơ thủ tục của ngành Công an',
      sections: ['summary', 'procedures'],
      recipients: ['Công an xã'],
      filing: 'VT',
      numberSymbol: 'BC-UBND',
      parentAgency: '',
      issuer: '',
      signerAuthority: 'KT. CHỦ TỊCH',
      signerTitle: 'PHÓ CHỦ TỊCH',
      signerName: 'Nguyễn Văn An',
      frequency: 'quarter',
      deadlineDay: 10,
    },
  },
  'reports.deleteProfile': { id: 3 },
  'reports.figures': { period: '2026-11' },
  'reports.render': { period: '2026-11', format: 'pdf', number: 12 },
  'reports.notes': { profileId: 2, period: '2026-11' },
  'reports.saveNotes': {
    profileId: 2,
    period: '2026-11',
    notes: [{ procedureKey: 'dang-ky-khai-sinh', field: 'problems', text: 'Thiếu máy quét' }],
  },
  'reports.due': undefined,
};

/**
 * Examples whose correct answer is a domain error, identical through both adapters: hardware that
 * a test machine lacks, or a refusal that keeps a test from ever typing on a developer's desktop.
 */
const EXPECTED_ERRORS: Partial<Record<CallName, ErrorCode>> = {
  'chip.read': 'PCSC_UNAVAILABLE',
  'autofill.start': 'AUTOFILL_ID_NOT_REVEALED',
  'intake.revealId': 'SCAN_NOT_FOUND',
  'intake.oldIdSlip': 'SCAN_NOT_FOUND',
  'digitization.startScan': 'SCANNER_PROFILE_NOT_FOUND', // profile 1 was archived just before
  'digitization.cancelScan': 'SCAN_DRAFT_NOT_FOUND',
  'digitization.getDraft': 'SCAN_DRAFT_NOT_FOUND',
  'digitization.pageImage': 'SCAN_DRAFT_NOT_FOUND',
  'digitization.updatePage': 'SCAN_DRAFT_NOT_FOUND',
  'digitization.saveDocument': 'SCAN_DRAFT_NOT_FOUND',
  'digitization.discardDraft': 'SCAN_DRAFT_NOT_FOUND',
  'digitization.documentPdf': 'DOCUMENT_NOT_FOUND',
  'digitization.reuse': 'DOCUMENT_NOT_FOUND',
  // Calls that need a hub or a recipient this test does not set up.
  'sync.now': 'SYNC_NOT_CONFIGURED',
  'sync.enroll': 'SYNC_HUB_UNREACHABLE',
  'sync.rotateKey': 'SYNC_NOT_CONFIGURED',
  'sync.setRecipientEnabled': 'SYNC_RECIPIENT_NOT_FOUND',
  'sync.removeRecipient': 'SYNC_RECIPIENT_NOT_FOUND',
};

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
      let input: unknown = EXAMPLES[name];
      let httpInput = input;
      if (name === 'catalog.applyImport') {
        const preview = EXAMPLES['catalog.previewImport'];
        const viaIpc = (await invoke(true, 'catalog.previewImport', preview)) as ApiResult<{
          token: string;
        }>;
        const viaHttp = (await post('catalog.previewImport', JSON.stringify(preview)))
          .result as ApiResult<{ token: string }>;
        input = { ...EXAMPLES[name], token: viaIpc.ok ? viaIpc.value.token : '' };
        httpInput = { ...EXAMPLES[name], token: viaHttp.ok ? viaHttp.value.token : '' };
      }
      const ipcResult = await invoke(true, name, input);
      const { result: httpResult } = await post(
        name,
        httpInput === undefined ? '' : JSON.stringify(httpInput),
      );
      const expectedError = EXPECTED_ERRORS[name];
      if (expectedError) {
        expect(ipcResult, name).toMatchObject({ ok: false, error: { code: expectedError } });
      } else {
        expect(ipcResult.ok, `${name}: ${JSON.stringify(ipcResult)}`).toBe(true);
      }
      // Paths, timestamps, random ids and each office's own key differ between the two runs;
      // shapes and codes must not.
      const normalise = (r: unknown) =>
        JSON.stringify(r)
          .replace(/motcua-test-\w+/g, 'DIR')
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID')
          .replace(/"(decodedAt|updatedAt|armedUntil)":\d+/g, '"$1":0')
          .replace(/"(publicKey|keyId|fingerprint)":"[^"]+"/g, '"$1":"KEY"');
      expect(normalise(httpResult)).toBe(normalise(ipcResult));
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
