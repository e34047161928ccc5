import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the renderer when `out/renderer` is missing or older than its sources, so `npm run web`
 * works straight after `npm ci` and never serves a stale UI.
 */
export function ensureRendererBuiltSync(
  appRoot: string,
  log: (line: string) => void = console.log,
): void {
  const index = join(appRoot, 'out', 'renderer', 'index.html');
  const sources = [join(appRoot, 'renderer'), join(appRoot, 'electron', 'api')];
  if (existsSync(index)) {
    const built = statSync(index).mtimeMs;
    if (sources.every((dir) => newestMtime(dir) <= built)) return;
  }
  log('Đang dựng giao diện (electron-vite build)…');
  execFileSync(
    process.execPath,
    [join(appRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: appRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}
