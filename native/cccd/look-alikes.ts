/**
 * Codes people hand over instead of the ID card's QR, each recognised so the clerk is told what
 * was scanned (cccd-formats.md §1.4): the VNeID app's one-minute identity token, the 2021 COVID
 * personal QR (QĐ 1405/QĐ-BTTTT), web links, and other barcodes (products, bank transfers…).
 */

export type LookAlikeCode = 'QR_VNEID_TOKEN' | 'QR_COVID_PASS' | 'QR_URL' | 'QR_NOT_CCCD';

export const VNEID_HINT = /vneid/i;
// A URI with an authority (https://…), a bare www. host, or a well-known scheme without one.
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|(?:mailto|tel|sms|geo|market|intent):)/i;
// A host name with a dot and a path or port, e.g. "dichvucong.gov.vn/p/home".
const BARE_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d+)?\/\S*$/i;
// Opaque tokens: JWT-like dotted base64url, or a long run of base64 mixing letters and digits.
const JWT_LIKE = /^[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/;
const LONG_OPAQUE = /^[A-Za-z0-9+/=_-]{32,}$/;
// EMVCo merchant-presented QR (VietQR bank transfers): payload format indicator "00" "02" "01".
const EMV_QR = /^000201/;
export const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M} .'\u2019-]*$/u;
const COVID_DATE = /^(?:\d{1,2}\/\d{1,2}\/\d{4}|\d{8}|\d{4})$/;
const COVID_DOCUMENT = /^[0-9A-Z]{6,13}$/i;
const SEX_WORDS = new Set(['nam', 'nữ']);

export function isUrlLike(text: string): boolean {
  return URL_LIKE.test(text) || BARE_HOST.test(text);
}

function isOpaqueToken(text: string): boolean {
  return JWT_LIKE.test(text) || (LONG_OPAQUE.test(text) && /\d/.test(text) && /[a-z]/i.test(text));
}

/** Text with no `|` at all can only be a look-alike or some other barcode. */
export function classifyUnpiped(text: string): LookAlikeCode {
  if (VNEID_HINT.test(text)) return 'QR_VNEID_TOKEN';
  if (isUrlLike(text)) return 'QR_URL';
  if (EMV_QR.test(text)) return 'QR_NOT_CCCD';
  if (isOpaqueToken(text)) return 'QR_VNEID_TOKEN';
  return 'QR_NOT_CCCD';
}

/**
 * The COVID personal QR: SoGiayTo|HoTen|NgaySinh|LoaiDinhDanh|QID|EXT. Its second field is a
 * name, where the ID card has the old ID number (digits or empty); its fourth is a document
 * kind, where the card has a date.
 */
export function looksLikeCovidPass(fields: readonly string[]): boolean {
  const core = fields.length > 0 && fields[fields.length - 1] === '' ? fields.slice(0, -1) : fields;
  if (core.length < 5 || core.length > 6) return false;
  const [doc, name, dob, kind] = core as [string, string, string, string];
  return (
    COVID_DOCUMENT.test(doc) &&
    NAME_PATTERN.test(name) &&
    COVID_DATE.test(dob) &&
    !SEX_WORDS.has(kind.toLowerCase())
  );
}
