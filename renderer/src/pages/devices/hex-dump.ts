/** "079203…" bytes as IT staff read them: 16 per row, offset, hex, and printable ASCII. */
export function hexRows(hex: string): { offset: string; hex: string; ascii: string }[] {
  const bytes = hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? [];
  const rows = [];
  for (let at = 0; at < bytes.length; at += 16) {
    const row = bytes.slice(at, at + 16);
    rows.push({
      offset: at.toString(16).padStart(4, '0'),
      hex: row.map((b) => b.toString(16).padStart(2, '0')).join(' '),
      ascii: row.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·')).join(''),
    });
  }
  return rows;
}

/**
 * Each non-ASCII character of the text with the UTF-8 bytes it should have: "ữ e1 bb af". Set
 * beside the raw hex, it shows at a glance whether a letter arrived whole, mangled or not at all.
 */
export function nonAsciiCharacters(text: string, limit = 40): { char: string; utf8: string }[] {
  const seen = new Set<string>();
  const out: { char: string; utf8: string }[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80 || seen.has(char)) continue;
    seen.add(char);
    const utf8 = [...new TextEncoder().encode(char)]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join(' ');
    out.push({ char, utf8 });
    if (out.length >= limit) break;
  }
  return out;
}

/** Signs that Vietnamese came out garbled: mojibake lead characters, or U+FFFD. */
export function looksGarbled(text: string): boolean {
  return /\ufffd|[ÃÄÅÆá][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/.test(text);
}
