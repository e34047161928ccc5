/**
 * One-time enrollment codes (`hub enroll`): 12 Crockford base32 characters (60 bits), shown as
 * XXXX-XXXX-XXXX so a hub admin can read it over the phone. Only a hash is stored at the hub.
 */
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateEnrollmentCode(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(12);
  let out = '';
  for (let i = 0; i < 12; i++) out += ALPHABET[bytes[i]! & 31];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}

/**
 * Canonical form of what a person typed: case, spaces and dashes do not matter, and the letters
 * people confuse with digits (O, I, L) read as 0 and 1, as Crockford base32 specifies.
 * Null when it cannot be a code.
 */
export function normalizeEnrollmentCode(typed: string): string | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== 12) return null;
  for (const ch of cleaned) if (!ALPHABET.includes(ch)) return null;
  return cleaned;
}

export function enrollmentCodeHash(normalized: string): string {
  return createHash('sha256').update(`motcua-enroll-code|${normalized}`).digest('hex');
}
