import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (holds db/migrations, resources/, out/renderer) for the Node hosts. */
export const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function readAppVersion(appRoot: string = APP_ROOT): string {
  const pkg = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
