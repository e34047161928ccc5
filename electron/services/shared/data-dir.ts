import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'mot-cua-desk';
export const DATABASE_FILE_NAME = 'motcua.sqlite';

/**
 * Where the office data lives when nothing overrides it. Matches Electron's
 * `app.getPath('userData')` (the main process sets it to the same folder) so the desktop app,
 * the headless host and the CLI all open the same database.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

/** `MOTCUA_DATA_DIR` wins everywhere (tests, kiosks, portable installs). */
export function resolveDataDir(fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.MOTCUA_DATA_DIR?.trim();
  return override ? override : fallback;
}
