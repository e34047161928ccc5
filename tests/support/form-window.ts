import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { APP_ROOT } from '../../electron/host/app-root';
import { CHROMIUM_ARGS } from '../../playwright.config';

const FIXTURES = join(APP_ROOT, 'tests', 'fixtures', 'autofill');

/** A real, non-headless Chromium on the virtual display: the "province's web form" of the tests. */
export async function launchDesktopBrowser(display: string): Promise<Browser> {
  return chromium.launch({
    headless: false,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--window-position=0,0', '--window-size=1000,700'],
    env: { ...process.env, DISPLAY: display },
  });
}

/**
 * Opens a fixture in its own window (a new context is a new X window), brings it to the front and
 * puts the caret in `focusId` — what a clerk does before pressing the hotkey.
 */
export async function openWindow(
  browser: Browser,
  html: { fixture: string } | { title: string },
  focusId?: string,
): Promise<Page> {
  const context = await browser.newContext({ viewport: null, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.setContent(
    'fixture' in html
      ? readFileSync(join(FIXTURES, html.fixture), 'utf8')
      : `<title>${html.title}</title><input id="own">`,
  );
  await page.bringToFront();
  if (focusId) await page.focus(`#${focusId}`);
  return page;
}

export async function fieldValues(
  page: Page,
  ids: readonly string[],
): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const id of ids) values[id] = await page.inputValue(`#${id}`);
  return values;
}
