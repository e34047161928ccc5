import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../../electron/host/app-root';

const eslint = new ESLint({ cwd: APP_ROOT });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(APP_ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'motcua/layers').map((m) => m.message);
}

describe('the DESIGN.md dependency rule is enforced by lint', () => {
  it.each([
    [
      'db/repositories/x.ts',
      "import { AppError } from '../../electron/api/errors';\nexport const x = AppError;",
    ],
    [
      'native/cccd/x.ts',
      "import { openDatabaseSync } from '../../db/connection';\nexport const x = openDatabaseSync;",
    ],
    ['native/cccd/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    [
      'electron/services/x.ts',
      "import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;",
    ],
    [
      'electron/services/x.ts',
      "import { createHttpHost } from '../host/http-adapter';\nexport const x = createHttpHost;",
    ],
    [
      'renderer/src/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
    ],
    [
      'renderer/src/x.ts',
      "import { createServices } from '../../electron/services/create-services';\nexport const x = createServices;",
    ],
    ['electron/api/x.ts', "import { join } from 'path';\nexport const x = join;"],
    [
      'electron/host/x.ts',
      "import { parseCccdQr } from '../../native/cccd/qr-payload';\nexport const x = parseCccdQr;",
    ],
    ['electron/main/x.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;"],
    [
      'electron/main/x.ts',
      "import { shell } from 'electron';\nexport const x = () => shell.openExternal('https://a.vn');",
    ],
  ])('rejects an upward or forbidden import in %s', async (file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  });

  it.each([
    [
      'electron/services/x.ts',
      "import { parseCccdQr } from '../../native/cccd/qr-payload';\nexport const x = parseCccdQr;",
    ],
    [
      'electron/services/x.ts',
      "import { openDatabaseSync } from '../../db/connection';\nexport const x = openDatabaseSync;",
    ],
    [
      'renderer/src/x.ts',
      "import type { CallName } from '../../electron/api/contract';\nexport type X = CallName;",
    ],
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    [
      'electron/host/x.ts',
      "import { createServices } from '../services/create-services';\nexport const x = createServices;",
    ],
    ['db/x.ts', "import { join } from 'node:path';\nexport const x = join;"],
  ])('accepts a permitted import in %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
