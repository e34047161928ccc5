import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private SANE configuration (SANE_CONFIG_DIR) that enables only sane-airscan and points it
 * at one eSCL URL, with network discovery off: tests never edit /etc/sane.d.
 */
export function airscanConfig(
  name: string,
  url: string,
): { dir: string; env: NodeJS.ProcessEnv; device: string } {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-sane-'));
  writeFileSync(join(dir, 'dll.conf'), 'airscan\ntest\n');
  writeFileSync(
    join(dir, 'airscan.conf'),
    `[options]\ndiscovery = disable\n\n[devices]\n"${name}" = ${url}, eSCL\n`,
  );
  return { dir, env: { ...process.env, SANE_CONFIG_DIR: dir }, device: `airscan:e0:${name}` };
}
