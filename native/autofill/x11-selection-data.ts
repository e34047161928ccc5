/**
 * What our CLIPBOARD owner answers, as pure functions (ICCCM §2.6 "Use of Selection Atoms"):
 * which targets we offer for a value, the bytes of each, and the reading of a value another
 * owner sent us. No I/O: x11-clipboard.ts puts these on the wire.
 */

/** Atoms the clipboard adapter interns once per connection. */
export const ATOM_NAMES = [
  'CLIPBOARD',
  'TARGETS',
  'TIMESTAMP',
  'MULTIPLE',
  'INCR',
  'ATOM',
  'INTEGER',
  'UTF8_STRING',
  'STRING',
  'TEXT',
  'text/plain;charset=utf-8',
  'text/plain',
  'x-kde-passwordManagerHint',
  'MOTCUA_SELECTION',
  'MOTCUA_TIMESTAMP',
] as const;
export type AtomName = (typeof ATOM_NAMES)[number];

export interface OfferedValue {
  text: string;
  /**
   * Citizen data: ask clipboard managers not to keep it (x-kde-passwordManagerHint = "secret",
   * honoured by Klipper and CopyQ). The clerk's own clipboard, put back at the end, is not secret.
   */
  secret: boolean;
  /** The server time our ownership began (ICCCM: the TIMESTAMP target answers it). */
  ownedAt: number;
}

export type Conversion =
  | { type: 'ATOM'; format: 32; atoms: readonly AtomName[] }
  | { type: 'INTEGER'; format: 32; integers: readonly number[] }
  | { type: AtomName; format: 8; bytes: Buffer; text: boolean };

/** ISO 8859-1 only: the STRING type cannot carry anything else (ICCCM §2.7.1). */
function latin1(text: string): Buffer | null {
  for (const char of text) if (char.codePointAt(0)! > 0xff) return null;
  return Buffer.from(text, 'latin1');
}

export function offeredTargets(value: OfferedValue): AtomName[] {
  const targets: AtomName[] = [
    'TARGETS',
    'TIMESTAMP',
    'UTF8_STRING',
    'text/plain;charset=utf-8',
    'TEXT',
  ];
  if (latin1(value.text)) targets.push('STRING', 'text/plain');
  if (value.secret) targets.push('x-kde-passwordManagerHint');
  return targets;
}

/**
 * The answer to a SelectionRequest for `target`, or null to refuse it (property None). Values
 * longer than `maxBytes` are refused rather than sent incrementally (INCR): autofill values are
 * short, and the clerk's clipboard is served at length by xsel after the run.
 */
export function convert(target: string, value: OfferedValue, maxBytes: number): Conversion | null {
  const bytes = (type: AtomName, data: Buffer | null, text = true): Conversion | null =>
    data && data.length <= maxBytes ? { type, format: 8, bytes: data, text } : null;
  switch (target) {
    case 'TARGETS':
      return { type: 'ATOM', format: 32, atoms: offeredTargets(value) };
    case 'TIMESTAMP':
      return { type: 'INTEGER', format: 32, integers: [value.ownedAt >>> 0] };
    case 'UTF8_STRING':
    case 'TEXT': // the owner picks the type for TEXT; UTF8_STRING carries Vietnamese
      return bytes('UTF8_STRING', Buffer.from(value.text, 'utf8'));
    case 'text/plain;charset=utf-8':
      return bytes('text/plain;charset=utf-8', Buffer.from(value.text, 'utf8'));
    case 'STRING':
    case 'text/plain':
      return bytes(target, latin1(value.text));
    case 'x-kde-passwordManagerHint':
      return value.secret ? bytes('x-kde-passwordManagerHint', Buffer.from('secret'), false) : null;
    default:
      return null; // MULTIPLE and anything else: refused, the requestor asks for a single target
  }
}

/** A text value another owner sent us, by its type; null for a type that is not text. */
export function decodeText(type: string, data: Buffer): string | null {
  if (type === 'UTF8_STRING' || type === 'text/plain;charset=utf-8') return data.toString('utf8');
  if (type === 'STRING' || type === 'text/plain') return data.toString('latin1');
  return null;
}

/**
 * X server time is a 32-bit millisecond counter that wraps every ~49.7 days (X11 protocol §2,
 * TIMESTAMP): `a` is at or after `b` when it is less than half the range ahead.
 */
export function notBefore(a: number, b: number): boolean {
  return (a - b) >>> 0 < 0x8000_0000;
}
