import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer is served from this privileged custom scheme, never from file:// (checklist #18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'motcua';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Options of the one main window. Kept pure (type-only Electron import) so a unit test can assert
 * every security setting without an Electron binary. The electron-vite template turns some of
 * these off; do not copy its defaults.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Một Cửa Desk',
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true, // checklist #3
      sandbox: true, // checklist #4: the preload is one bundled CommonJS file for this
      nodeIntegration: false, // checklist #2
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true, // checklist #6
      allowRunningInsecureContent: false, // checklist #8
      experimentalFeatures: false, // checklist #9
      webviewTag: false, // checklist #11/#12
      // Chromium's built-in PDF viewer (scans and reports previewed in-app) is a plugin; Electron
      // ships no other, and the CSP still limits frames to our own origin and blob: URLs.
      plugins: true,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
