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
} as const satisfies Record<string, { vi: string; en: string }>;

export type WarningCode = keyof typeof warningCatalog;

export function warningMessage(code: WarningCode, locale: 'vi' | 'en' = 'vi'): string {
  return warningCatalog[code][locale];
}
