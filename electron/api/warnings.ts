/** Warnings: the data was accepted, but the clerk should look twice. */
export const warningCatalog = {
  ID_PROVINCE_UNKNOWN: {
    vi: 'Mã tỉnh nơi đăng ký khai sinh (3 chữ số đầu) không có trong danh mục TT 07/2016; có thể là mã mới sau 2025. Hãy đối chiếu với thẻ.',
    en: 'The birth-registration province code (first 3 digits) is not in the TT 07/2016 list; it may be a post-2025 code. Check the card.',
  },
  ID_CENTURY_MISMATCH: {
    vi: 'Chữ số thế kỷ và năm sinh trong số định danh không khớp với ngày sinh. Hãy đối chiếu với thẻ.',
    en: 'The century digit and birth year in the ID number do not match the date of birth. Check the card.',
  },
  ID_SEX_MISMATCH: {
    vi: 'Giới tính mã hóa trong số định danh không khớp với giới tính trên mã QR. Hãy đối chiếu với thẻ.',
    en: 'The sex encoded in the ID number does not match the sex in the QR code. Check the card.',
  },
  QR_MOJIBAKE_REPAIRED: {
    vi: 'Dữ liệu quét bị lỗi mã hóa tiếng Việt và đã được tự động sửa. Hãy kiểm tra lại họ tên và địa chỉ.',
    en: 'The scanned text had garbled Vietnamese encoding and was repaired automatically. Check the name and address.',
  },
  QR_EXTRA_FIELDS: {
    vi: 'Mã QR có thêm trường dữ liệu (thẻ căn cước mẫu 2024); các trường thêm được giữ nguyên để tham khảo.',
    en: 'The QR code has extra fields (2024 card); they are kept as they are for reference.',
  },
  WEDGE_DIACRITICS_LOST: {
    vi: 'Máy quét đang ở chế độ bàn phím (keyboard wedge) và dữ liệu không có chữ có dấu: các chữ tiếng Việt có thể đã bị mất. Hãy đối chiếu họ tên, địa chỉ với thẻ, và chuyển máy quét sang chế độ HID POS hoặc cổng COM (trang Thiết bị).',
    en: 'The scanner is in keyboard (wedge) mode and the data has no accented letters: Vietnamese letters may have been dropped. Check the name and address against the card, and switch the scanner to HID POS or serial mode (Devices page).',
  },
  // --- a chip read (the read is complete, something deserves a look) ---
  CHIP_QR_MISMATCH: {
    vi: 'Dữ liệu trên chip khác dữ liệu mã QR ở một số trường (được đánh dấu). Chip là dữ liệu có chữ ký: hãy đối chiếu với thẻ.',
    en: 'Chip and QR data differ in some fields (highlighted). The chip is the signed source: check the card.',
  },
  CHIP_ID_DIFFERS: {
    vi: 'Số định danh trên chip KHÁC số trên mã QR: có thể đặt nhầm thẻ khác lên đầu đọc.',
    en: 'The ID number on the chip DIFFERS from the QR: a different card may be on the reader.',
  },
  CHIP_DG_DENIED: {
    vi: 'Chip không cho đọc một số nhóm dữ liệu (ví dụ vân tay DG3 — chỉ cơ quan cấp thẻ được đọc).',
    en: 'The chip denied some data groups (e.g. DG3 fingerprints — issuer terminals only).',
  },
  CHIP_DG_UNREADABLE: {
    vi: 'Một nhóm dữ liệu không đọc được; phần còn lại vẫn dùng được.',
    en: 'A data group could not be parsed; the rest is usable.',
  },
  CHIP_UNKNOWN_GROUPS: {
    vi: 'Chip khai báo nhóm dữ liệu lạ; đã bỏ qua.',
    en: 'The chip lists unknown data groups; they were ignored.',
  },
  CHIP_PHOTO_UNREADABLE: {
    vi: 'Không hiển thị được ảnh chân dung trên chip.',
    en: 'The face photo on the chip could not be displayed.',
  },
  CHIP_KEY_FAILURES: {
    vi: 'Thẻ đã từ chối mã truy cập ở lần trước; lần này đã đọc được.',
    en: 'The card refused the access key before; this time it worked.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type WarningCode = keyof typeof warningCatalog;

export function warningMessage(code: WarningCode, locale: 'vi' | 'en' = 'vi'): string {
  return warningCatalog[code][locale];
}
