import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/api/content-security-policy';
import { APP_ROOT } from '../../../electron/host/app-root';
import {
  decideNavigation,
  isAppUrl,
  isSafeExternalUrl,
} from '../../../electron/main/navigation-policy';
import { APP_START_URL, mainWindowOptions } from '../../../electron/main/window-options';

describe('main window options (Electron security checklist)', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!;

  it('isolates the renderer: contextIsolation on, sandbox on, no Node integration anywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security, refuses insecure content, experimental features and webviews', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    // Only for the built-in PDF viewer (in-app previews of scans and reports).
    expect(prefs.plugins).toBe(true);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('loads the UI from the app:// scheme, not file://', () => {
    expect(APP_START_URL).toBe('app://motcua/index.html');
  });
});

describe('navigation policy', () => {
  it.each([
    ['https://dichvucong.gov.vn/p/home/dvc-trang-chu.html', true],
    ['http://example.vn/a?b=c', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['ms-settings:privacy', false],
    ['https://user:pass@evil.example/', false],
    ['http:/missing-host', true], // WHATWG URL normalises this to http://missing-host/
    ['not a url', false],
    ['', false],
    [42, false],
    [null, false],
    [`https://a.vn/${'x'.repeat(3000)}`, false],
  ])('isSafeExternalUrl(%j) → %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });

  it('allows navigation only within the app origin', () => {
    expect(decideNavigation('app://motcua/index.html#/settings')).toBe('allow');
    expect(decideNavigation('app://other/index.html')).toBe('deny');
    expect(decideNavigation('https://dichvucong.gov.vn/')).toBe('deny');
    expect(decideNavigation('file:///index.html')).toBe('deny');
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only our own scripts, no eval, no plugins, no framing by others', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
  });

  it('is repeated in index.html (minus frame-ancestors, which meta tags ignore)', () => {
    const html = readFileSync(join(APP_ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const expected = CONTENT_SECURITY_POLICY.split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(expected);
  });
});
