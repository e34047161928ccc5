/**
 * Composition root of the desktop app: builds the services with their dependencies, hands them to
 * the IPC adapter, and opens the one hardened window. Everything else lives in services.
 */
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { join } from 'node:path';
import { createDispatcher } from '../api/dispatch';
import { APP_DIR_NAME, resolveDataDir } from '../services/shared/data-dir';
import { silentEvents, startServices } from '../services/startup';
import { handleAppScheme, registerAppSchemeAsPrivileged } from './app-protocol';
import { EVENT_CHANNEL } from '../api/ipc-channels';
import {
  announceAutofillRuns,
  electronAutofillHost,
  registerAutofillHotkey,
} from './autofill-host';
import { registerIpcAdapter } from './ipc-adapter';
import { isAppUrl } from './navigation-policy';
import { installSecurityGuards } from './security';
import { APP_START_URL, mainWindowOptions } from './window-options';

// Same folder as the headless host's default, so both open one database (see data-dir.ts).
app.setPath('userData', join(app.getPath('appData'), APP_DIR_NAME));
registerAppSchemeAsPrivileged();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

function start(): void {
  installSecurityGuards();
  const appRoot = app.getAppPath();
  handleAppScheme(join(appRoot, 'out', 'renderer'));

  const dataDir = resolveDataDir(app.getPath('userData'));
  const startup = startServices({
    dataDir,
    appRoot,
    appVersion: app.getVersion(),
    host: 'electron',
    autofillHost: electronAutofillHost(),
    syncBackground: true,
  });
  if (!startup.ok) {
    // The window still opens and shows this message; the dialog makes sure it is seen.
    dialog.showErrorBox('Một Cửa Desk', `${startup.error.message}\n\n(${startup.error.code})`);
  }
  // Barcode scanners (HID POS, serial) are read in the main process and pushed as events.
  if (startup.ok) startup.services.devices.start();
  const dispatcher = createDispatcher(startup.ok ? startup.services.handlers : startup.handlers, {
    onInternalError: (name, error) => console.error(`[${name}]`, error),
  });
  const events = startup.ok ? startup.services.events : silentEvents;

  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.cjs')));
  registerIpcAdapter(ipcMain, dispatcher, (event) => {
    const frame = event.senderFrame;
    return event.sender.id === window.webContents.id && frame !== null && isAppUrl(frame.url);
  });
  const unsubscribe = events.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', unsubscribe);
  const unregisterHotkey = startup.ok ? registerAutofillHotkey(events) : () => undefined;
  const stopAnnouncing = announceAutofillRuns(events);
  app.on('will-quit', () => {
    unregisterHotkey();
    stopAnnouncing();
  });
  void window.loadURL(APP_START_URL);

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (startup.ok) startup.services.close();
    app.quit();
  });
}
