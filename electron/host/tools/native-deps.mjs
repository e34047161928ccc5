#!/usr/bin/env node
/**
 * better-sqlite3 and @pokusew/pcsclite are NAN addons: each binary fits either Node's ABI (tests,
 * CLI, headless host) or Electron's (the desktop app), never both. node-hid, serialport, sharp and
 * nut-js are N-API and fit both.
 *
 *   postinstall     rebuild for Electron with `electron-builder install-app-deps` when an Electron
 *                   binary exists; skip cleanly when it does not (e.g. ELECTRON_SKIP_BINARY_DOWNLOAD).
 *   ensure-node     before tests / CLI: rebuild for Node if the current binary does not load in Node.
 *   ensure-electron before `npm start`: rebuild for Electron if the binary does not load in Electron.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(join(root, 'package.json'));

export function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(
    root,
    'node_modules',
    'electron',
    'dist',
    readFileSync(pathFile, 'utf8').trim(),
  );
  return existsSync(binary) ? binary : null;
}

const NAN_ADDONS = [
  { name: 'better-sqlite3', probe: "const D=require('better-sqlite3');new D(':memory:').close()" },
  // Loading the module loads its binding. A machine without libpcsclite may lack the addon
  // altogether: only an ABI mismatch asks for a rebuild (chip reading reports the rest itself).
  { name: '@pokusew/pcsclite', probe: "require('@pokusew/pcsclite')", onlyAbiMismatch: true },
];
const ABI_MISMATCH = /NODE_MODULE_VERSION|compiled against a different Node\.js version/;

/** The addons whose binary does not load in the given runtime. */
function addonsToRebuild(runtime, env = process.env) {
  return NAN_ADDONS.filter(({ probe, onlyAbiMismatch }) => {
    const result = spawnSync(runtime, ['-e', probe], { cwd: root, encoding: 'utf8', env });
    if (result.status === 0) return false;
    return !onlyAbiMismatch || ABI_MISMATCH.test(result.stderr ?? '');
  }).map((a) => a.name);
}

function run(command, args) {
  // Debian's nodejs package ships its headers in /usr/include/node: node-gyp builds offline there.
  const debianHeaders = existsSync('/usr/include/node/node.h')
    ? { npm_config_nodedir: '/usr' }
    : {};
  execFileSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...debianHeaders, ...process.env },
  });
}

function rebuildForElectron() {
  run(process.execPath, [require.resolve('electron-builder/cli.js'), 'install-app-deps']);
}

const task = process.argv[2];
const binary = electronBinary();
if (task === 'postinstall') {
  if (!binary) {
    console.log(
      '[native-deps] Không có tệp chạy Electron (ELECTRON_SKIP_BINARY_DOWNLOAD?): giữ các mô-đun gốc (better-sqlite3, pcsclite) cho Node; bỏ qua install-app-deps.',
    );
  } else {
    rebuildForElectron();
  }
} else if (task === 'ensure-node') {
  const stale = addonsToRebuild(process.execPath);
  if (stale.length > 0) {
    console.log(
      `[native-deps] ${stale.join(', ')} đang được dựng cho Electron; dựng lại cho Node (khoảng 80 giây)…`,
    );
    run('npm', ['rebuild', ...stale]);
  }
} else if (task === 'ensure-electron') {
  if (!binary) process.exit(3);
  const stale = addonsToRebuild(binary, { ...process.env, ELECTRON_RUN_AS_NODE: '1' });
  if (stale.length > 0) {
    console.log(`[native-deps] Dựng lại ${stale.join(', ')} cho Electron…`);
    rebuildForElectron();
  }
} else {
  console.error('usage: native-deps.mjs postinstall|ensure-node|ensure-electron');
  process.exit(2);
}
