import { app, session, type WebContents } from 'electron';
import { decideNavigation, isAppUrl } from './navigation-policy';
import { safeOpenExternal } from './safe-open-external';

/**
 * App-wide guards, installed before any window exists (Electron security checklist #5, #11–#14):
 * every webContents, present or future, gets them.
 */
export function installSecurityGuards(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (decideNavigation(url) === 'deny') event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (decideNavigation(url) === 'deny') event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // No new windows; web links open in the user's browser after parsing.
    contents.setWindowOpenHandler(({ url }) => {
      if (!isAppUrl(url)) void safeOpenExternal(url);
      return { action: 'deny' };
    });
  });

  // Electron grants every permission by default; the desk app needs none from the web layer.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}
