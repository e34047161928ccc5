import { APP_HOST, APP_SCHEME } from './window-options';

/**
 * Only web links are ever handed to the operating system, and only after parsing: no file:,
 * smb:, javascript:, custom protocol handlers or credentials-in-URL tricks (Beekeeper's
 * `isSafeExternalUrl`, Electron checklist #15).
 */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return parsed.hostname !== '';
}

/**
 * True only for pages of the app itself (app://motcua/...). Compared by scheme and host: outside
 * Electron (and before the scheme is registered) a custom scheme's `origin` is the string "null".
 */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export type NavigationDecision = 'allow' | 'deny';

/** In-window navigation never leaves the app; the UI navigates by itself without page loads. */
export function decideNavigation(url: unknown): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}
