#!/usr/bin/env node
/**
 * better-sqlite3 is a NAN addon: its binary fits either Node's ABI (tests, CLI, headless host) or
 * Electron's (the desktop app), never both. node-hid, serialport and nut-js are N-API and fit both.
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

const probe = "const D=require('better-sqlite3');new D(':memory:').close()";

function loadsInNode() {
  return spawnSync(process.execPath, ['-e', probe], { cwd: root, stdio: 'ignore' }).status === 0;
}

function loadsInElectron(binary) {
  return (
    spawnSync(binary, ['-e', probe], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    }).status === 0
  );
}

function run(command, args) {
  execFileSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' },
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
      '[native-deps] Không có tệp chạy Electron (ELECTRON_SKIP_BINARY_DOWNLOAD?): giữ better-sqlite3 cho Node; bỏ qua install-app-deps.',
    );
  } else {
    rebuildForElectron();
  }
} else if (task === 'ensure-node') {
  if (!loadsInNode()) {
    console.log(
      '[native-deps] better-sqlite3 đang được dựng cho Electron; dựng lại cho Node (khoảng 80 giây)…',
    );
    run('npm', ['rebuild', 'better-sqlite3']);
  }
} else if (task === 'ensure-electron') {
  if (!binary) process.exit(3);
  if (!loadsInElectron(binary)) {
    console.log('[native-deps] Dựng lại better-sqlite3 cho Electron…');
    rebuildForElectron();
  }
} else {
  console.error('usage: native-deps.mjs postinstall|ensure-node|ensure-electron');
  process.exit(2);
}
