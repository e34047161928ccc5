/**
 * Headless host: the same services and contract as the desktop app, served over HTTP on
 * 127.0.0.1 for any browser (and for the e2e tests). `npm run web -- --port 5174`.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDispatcher } from '../api/dispatch';
import { defaultDataDir, resolveDataDir } from '../services/shared/data-dir';
import { silentEvents, startServices } from '../services/startup';
import { APP_ROOT, readAppVersion } from './app-root';
import { createHttpHost } from './http-adapter';
import { ensureRendererBuiltSync } from './tools/ensure-build';

const startedAt = performance.now();

const USAGE = `Cách dùng: npm run web -- [--port 5174] [--data-dir THƯ_MỤC] [--no-build] [--ready-json]`;

function parse() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '5174' },
        'data-dir': { type: 'string' },
        'no-build': { type: 'boolean', default: false },
        'ready-json': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const args = parse();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Cổng không hợp lệ: ${args.port}\n${USAGE}`);
  process.exit(2);
}

if (!args['no-build']) ensureRendererBuiltSync(APP_ROOT);

const dataDir = args['data-dir'] ?? resolveDataDir(defaultDataDir());
const startup = startServices({
  dataDir,
  appRoot: APP_ROOT,
  appVersion: readAppVersion(),
  host: 'web',
  syncBackground: true,
});
const dbReadyMs = performance.now() - startedAt;
if (!startup.ok) {
  console.error(`[${startup.error.code}] ${startup.error.message}`);
} else {
  // Barcode scanners (HID POS, serial) are read here, as in the desktop app's main process.
  startup.services.devices.start();
}

const dispatcher = createDispatcher(startup.ok ? startup.services.handlers : startup.handlers, {
  onInternalError: (name, error) => console.error(`[${name}]`, error),
});
const events = startup.ok ? startup.services.events : silentEvents;
const token = randomBytes(24).toString('base64url');
const server = createHttpHost({
  dispatcher,
  subscribe: (listener) => events.subscribe(listener),
  staticRoot: join(APP_ROOT, 'out', 'renderer'),
  token,
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://127.0.0.1:${actualPort}/#token=${token}`;
  if (args['ready-json']) {
    console.log(
      JSON.stringify({ event: 'ready', url, port: actualPort, dataDir, dbReadyMs, ok: startup.ok }),
    );
  } else {
    console.log(
      `Một Cửa Desk (chế độ trình duyệt) đang chạy.\nMở địa chỉ sau trong trình duyệt:\n  ${url}\nDữ liệu: ${dataDir}\nNhấn Ctrl+C để dừng.`,
    );
  }
});
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Cổng ${port} đang được dùng bởi chương trình khác. Hãy chọn cổng khác: --port 5175`
      : `Không khởi động được máy chủ: ${error.message}`,
  );
  process.exit(1);
});

async function shutdown(): Promise<void> {
  server.close();
  server.closeAllConnections();
  if (startup.ok) {
    await startup.services.devices.stop();
    startup.services.close();
  }
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
