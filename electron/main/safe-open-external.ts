import { shell } from 'electron';
import { isSafeExternalUrl } from './navigation-policy';

/** The only call site of shell.openExternal in the app (lint-enforced). */
export async function safeOpenExternal(url: unknown): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}
