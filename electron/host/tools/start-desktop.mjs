#!/usr/bin/env node
/** `npm start`: build, make sure native modules fit Electron, and launch the desktop app. */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const node = process.execPath;
const ensure = spawnSync(
  node,
  [join(root, 'electron/host/tools/native-deps.mjs'), 'ensure-electron'],
  { cwd: root, stdio: 'inherit' },
);
if (ensure.status === 3) {
  console.error(
    [
      'Không tìm thấy tệp chạy Electron trên máy này (cài đặt với ELECTRON_SKIP_BINARY_DOWNLOAD=1, hoặc không tải được).',
      'The Electron binary is not installed on this machine.',
      '',
      'Cách khắc phục: cài lại với mạng tới máy chủ tải Electron:  npm ci   (không đặt ELECTRON_SKIP_BINARY_DOWNLOAD)',
      'Hoặc dùng ngay chế độ trình duyệt, cùng dịch vụ và dữ liệu:  npm run web',
    ].join('\n'),
  );
  process.exit(1);
}
if (ensure.status !== 0) process.exit(ensure.status ?? 1);
const viteBin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const preview = spawnSync(node, [viteBin, 'preview', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(preview.status ?? 1);
