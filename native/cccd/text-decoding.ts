/**
 * Turning scanner bytes into text. The CCCD QR is UTF-8 in byte mode without an ECI header, so
 * decoders that guess a charset garble Vietnamese (cccd-formats.md §1.5). We take bytes, decode
 * strictly as UTF-8, and repair the one common accident: UTF-8 bytes that some component decoded
 * as Windows-1252 / Latin-1 and re-encoded ("Nguyá»…n" for "Nguyễn"), possibly twice.
 */

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const strictUtf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const strictUtf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });

/** Windows-1252 code points 0x80–0x9F that differ from Latin-1, mapped back to their byte. */
const CP1252_REVERSE: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

export type DecodeResult = { ok: true; text: string; repaired: boolean } | { ok: false };

export function stripUtf8Bom(bytes: Uint8Array): Uint8Array {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    ? bytes.subarray(3)
    : bytes;
}

/**
 * A lead byte of a UTF-8 multi-byte sequence (0xC2–0xEF) read as Windows-1252, followed by a
 * continuation byte (0x80–0xBF) read the same way.
 */
const MOJIBAKE_HINT =
  /[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/;

const SUSPECT_MOJIBAKE = 1;
const SUSPECT_CONTROL = 2;

/**
 * One pass over the text before any regex (the parse budget is 200k payloads/s): flags a lead
 * byte read as Latin-1/CP1252 (U+00C2–U+00EF) followed by a non-ASCII character — genuine
 * Vietnamese has "à" or "é" before ASCII only — and any control character or U+FFFD.
 */
function suspects(text: string): number {
  let flags = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) {
      flags |= SUSPECT_CONTROL;
    } else if (c === 0xfffd) flags |= SUSPECT_CONTROL;
    else if (c >= 0xc2 && c <= 0xef && text.charCodeAt(i + 1) >= 0x80) flags |= SUSPECT_MOJIBAKE;
  }
  return flags;
}

/** Characters no card text holds: C0/C1 controls (other than tab) and the replacement mark. */
// eslint-disable-next-line no-control-regex
const UNREPAIRABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;

/**
 * If `text` looks like UTF-8 read as Windows-1252, returns the repaired text, else null. The
 * repair must decode as strict UTF-8, so ordinary Latin text is never "repaired" by accident.
 */
export function repairMojibake(text: string): string | null {
  if (!MOJIBAKE_HINT.test(text)) return null;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp < 0x100) bytes[i] = cp;
    else {
      const b = CP1252_REVERSE.get(cp);
      if (b === undefined) return null;
      bytes[i] = b;
    }
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function decodeStrict(input: Uint8Array): string | null {
  try {
    // A UTF-16 BOM: a file saved as "Unicode" by Notepad, or a scanner set to UTF-16 output.
    if (input.length >= 2 && input[0] === 0xff && input[1] === 0xfe) {
      return strictUtf16le.decode(input.subarray(2));
    }
    if (input.length >= 2 && input[0] === 0xfe && input[1] === 0xff) {
      return strictUtf16be.decode(input.subarray(2));
    }
    return strictUtf8.decode(stripUtf8Bom(input));
  } catch {
    return null;
  }
}

/**
 * Strict decode of scanner bytes: BOM removed, mojibake repaired (at most twice: a payload that
 * went through two mis-decoding hops), NFC-normalised. Text that still holds control characters
 * or U+FFFD lost bytes somewhere upstream and cannot be trusted as a legal record.
 */
export function decodeScannerBytes(input: Uint8Array): DecodeResult {
  let text = decodeStrict(input);
  if (text === null) return { ok: false };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // BOM that arrived as a character
  let repaired = false;
  let flags = suspects(text);
  for (let pass = 0; pass < 2 && flags & SUSPECT_MOJIBAKE; pass++) {
    const fixed = repairMojibake(text);
    if (fixed === null) break;
    text = fixed;
    repaired = true;
    flags = suspects(text);
  }
  const trimmed = text.trim();
  if (flags & SUSPECT_CONTROL && UNREPAIRABLE.test(trimmed)) return { ok: false };
  return { ok: true, text: trimmed.normalize('NFC'), repaired };
}

/** Lossy decode for showing raw scanner output to IT staff next to its hex dump. */
export function decodeForDisplay(input: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(stripUtf8Bom(input));
}
