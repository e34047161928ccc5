import type { MessageTable } from './message-table';

/** The QR payload of the ID card (CCCD / thẻ căn cước): cccd-formats.md §1. */
export const qrErrors = {
  // --- QR payload of the ID card (CCCD / thẻ căn cước) ---
  QR_EMPTY: {
    vi: 'Mã QR trống. Hãy quét lại mã QR trên thẻ căn cước.',
    en: 'The QR code is empty. Scan the QR code on the ID card again.',
  },
  QR_TOO_LONG: {
    vi: 'Dữ liệu quét quá dài (trên 1024 byte), không phải mã QR thẻ căn cước.',
    en: 'The scanned data is too long (over 1024 bytes) to be an ID card QR code.',
  },
  QR_NOT_CCCD: {
    vi: 'Đây không phải mã QR của thẻ căn cước/CCCD. Hãy quét mã QR in trên thẻ.',
    en: 'This is not an ID card QR code. Scan the QR code printed on the card.',
  },
  QR_VNEID_TOKEN: {
    vi: 'Đây là mã QR định danh trên ứng dụng VNeID (chỉ có hiệu lực khoảng 1 phút, phải xác thực bằng ứng dụng VNeID của cán bộ), không chứa dữ liệu công dân. Hãy quét mã QR trên thẻ căn cước.',
    en: 'This is a VNeID app identity QR (valid about one minute, verified only with an officer’s VNeID app); it holds no citizen data. Scan the QR on the ID card.',
  },
  QR_COVID_PASS: {
    vi: 'Đây là mã QR cá nhân (phòng chống COVID-19, 2021), không phải mã QR thẻ căn cước.',
    en: 'This is the 2021 COVID personal QR code, not an ID card QR code.',
  },
  QR_URL: {
    vi: 'Mã vừa quét là một đường dẫn web, không phải mã QR thẻ căn cước.',
    en: 'The scanned code is a web link, not an ID card QR code.',
  },
  QR_FIELD_COUNT: {
    vi: 'Mã QR thiếu trường dữ liệu (cần 7 trường ngăn cách bởi "|"). Hãy quét lại; nếu vẫn lỗi, nhập tay.',
    en: 'The QR code is missing fields (7 fields separated by "|" are required). Scan again or enter manually.',
  },
  QR_ID_INVALID: {
    vi: 'Số định danh cá nhân trong mã QR không hợp lệ (phải gồm đúng 12 chữ số).',
    en: 'The personal ID number in the QR code is invalid (it must be exactly 12 digits).',
  },
  QR_OLD_ID_INVALID: {
    vi: 'Số CMND cũ trong mã QR không hợp lệ (phải gồm 9 chữ số hoặc để trống).',
    en: 'The old ID number in the QR code is invalid (9 digits or empty).',
  },
  QR_NAME_INVALID: {
    vi: 'Họ tên trong mã QR không hợp lệ.',
    en: 'The name in the QR code is invalid.',
  },
  QR_DATE_INVALID: {
    vi: 'Ngày tháng trong mã QR không hợp lệ (ngày không có thật, ngày sinh ở tương lai hoặc ngày cấp trước ngày sinh).',
    en: 'A date in the QR code is invalid (impossible date, birth date in the future, or issue date before birth).',
  },
  QR_SEX_INVALID: {
    vi: 'Giới tính trong mã QR không hợp lệ (phải là "Nam" hoặc "Nữ").',
    en: 'The sex in the QR code is invalid (must be "Nam" or "Nữ").',
  },
  QR_ENCODING: {
    vi: 'Dữ liệu quét không đúng mã UTF-8 và không khôi phục được (thường do máy quét ở chế độ bàn phím). Hãy chuyển máy quét sang chế độ HID POS hoặc cổng COM.',
    en: 'The scanned bytes are not valid UTF-8 and cannot be repaired (often a scanner in keyboard mode). Switch the scanner to HID POS or serial mode.',
  },
} as const satisfies MessageTable;
