import type { MessageTable } from './message-table';

/** Chip readers (PC/SC), the eMRTD protocol and the CSCA trust store: issue 8, cccd-formats.md §3–5. */
export const chipErrors = {
  PCSC_UNAVAILABLE: {
    vi: 'Dịch vụ đầu đọc thẻ thông minh (PC/SC) chưa chạy. Trên Linux hãy cài và bật "pcscd"; trên Windows hãy bật dịch vụ "Smart Card" rồi cắm lại đầu đọc.',
    en: 'The smart-card service (PC/SC) is not running. On Linux install and start "pcscd"; on Windows start the "Smart Card" service and plug the reader in again.',
  },
  CHIP_NO_READER: {
    vi: 'Không có đầu đọc thẻ chip nào được kết nối. Hãy cắm đầu đọc NFC (PC/SC) vào máy.',
    en: 'No chip card reader is connected. Plug in an NFC (PC/SC) reader.',
  },
  READER_NOT_FOUND: {
    vi: 'Không tìm thấy đầu đọc đã chọn. Hãy chọn lại đầu đọc trong danh sách.',
    en: 'The selected reader was not found. Choose a reader from the list again.',
  },
  READER_GONE: {
    vi: 'Đầu đọc thẻ vừa bị rút ra. Hãy cắm lại đầu đọc rồi đọc lại; chưa có dữ liệu nào được lưu.',
    en: 'The card reader was unplugged. Plug it in again and read again; nothing was saved.',
  },
  READER_BUSY: {
    vi: 'Đầu đọc đang được chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại.',
    en: 'Another program is using the reader. Close it and try again.',
  },
  CARD_ABSENT: {
    vi: 'Chưa có thẻ trên đầu đọc. Hãy đặt thẻ căn cước lên đầu đọc và giữ yên.',
    en: 'No card on the reader. Place the ID card on the reader and hold it still.',
  },
  CHIP_READ_IN_PROGRESS: {
    vi: 'Đang đọc một thẻ khác. Hãy chờ lượt đọc hiện tại kết thúc.',
    en: 'Another card is being read. Wait for the current read to finish.',
  },
  CHIP_ACCESS_KEY_REJECTED: {
    vi: 'Thẻ từ chối mã truy cập (CAN = 6 số cuối số định danh, hoặc MRZ). Hãy đối chiếu số định danh/MRZ trên thẻ. Không thử lại nhiều lần: thẻ có thể tạm khóa.',
    en: 'The card refused the access key (CAN = last 6 digits of the ID number, or the MRZ). Check the number/MRZ on the card. Do not retry many times: the card may lock for a while.',
  },
  CHIP_KEY_RETRY_NEEDS_CONFIRMATION: {
    vi: 'Mã truy cập đã bị thẻ từ chối nhiều lần. Hãy kiểm tra kỹ số định danh hoặc MRZ, rồi xác nhận nếu vẫn muốn thử lại (thẻ có thể bị khóa).',
    en: 'The card refused the access key several times. Check the ID number or MRZ carefully, then confirm if you still want to retry (the card may lock).',
  },
  CHIP_ACCESS_KEY_INVALID: {
    vi: 'Mã truy cập không hợp lệ: CAN gồm đúng 6 chữ số; MRZ cần số giấy tờ, ngày sinh và ngày hết hạn (YYMMDD).',
    en: 'Invalid access key: the CAN is exactly 6 digits; the MRZ needs document number, birth and expiry dates (YYMMDD).',
  },
  CHIP_MRZ_INVALID: {
    vi: 'Dòng MRZ nhập vào không hợp lệ (sai độ dài hoặc sai số kiểm tra). Hãy nhập đúng 3 dòng ở mặt sau thẻ.',
    en: 'The MRZ entered is invalid (wrong length or check digit). Enter the three lines on the back of the card exactly.',
  },
  CHIP_PACE_UNSUPPORTED: {
    vi: 'Thẻ này không hỗ trợ PACE nên không mở được bằng CAN. Hãy nhập MRZ (3 dòng mặt sau thẻ) để đọc bằng BAC.',
    en: 'This card does not support PACE, so the CAN cannot open it. Enter the MRZ (three lines on the back) to read it with BAC.',
  },
  CHIP_NOT_ID_CARD: {
    vi: 'Thẻ trên đầu đọc không phải thẻ căn cước gắn chip (không có ứng dụng ICAO eMRTD).',
    en: 'The card on the reader is not a chip ID card (no ICAO eMRTD application).',
  },
  CHIP_CARD_REMOVED: {
    vi: 'Thẻ bị nhấc khỏi đầu đọc khi đang đọc. Hãy đặt lại thẻ và giữ yên cho đến khi đọc xong; chưa có dữ liệu nào được lưu.',
    en: 'The card was lifted off the reader during the read. Put it back and hold it still until the read finishes; nothing was saved.',
  },
  CHIP_TRANSPORT_FAILED: {
    vi: 'Mất liên lạc với thẻ (lỗi truyền dữ liệu). Hãy đặt lại thẻ ngay ngắn và đọc lại.',
    en: 'Communication with the card failed. Place the card squarely again and read again.',
  },
  CHIP_TLV_MALFORMED: {
    vi: 'Dữ liệu trên chip có cấu trúc sai (TLV hỏng). Thẻ có thể bị lỗi hoặc bị làm giả; hãy báo cơ quan cấp thẻ.',
    en: 'The chip returned malformed data (broken TLV). The card may be faulty or forged; report it to the issuing authority.',
  },
  CHIP_LENGTH_OVERSIZED: {
    vi: 'Chip khai báo độ dài dữ liệu bất thường (quá lớn) nên ứng dụng dừng đọc để an toàn.',
    en: 'The chip declared an abnormal (oversized) data length, so the read was stopped for safety.',
  },
  CHIP_RESPONSE_MALFORMED: {
    vi: 'Câu trả lời của chip không đúng định dạng. Hãy đặt lại thẻ và đọc lại.',
    en: 'The chip’s answer was malformed. Place the card again and read again.',
  },
  CHIP_SM_INVALID: {
    vi: 'Kênh bảo mật với chip bị lỗi (sai mã xác thực). Hãy đọc lại; nếu lặp lại, thẻ có thể không phải thẻ thật.',
    en: 'The secure channel with the chip failed (bad MAC). Read again; if it repeats, the card may not be genuine.',
  },
  CHIP_STATUS_UNEXPECTED: {
    vi: 'Chip trả về mã trạng thái không mong đợi. Hãy đặt lại thẻ và đọc lại.',
    en: 'The chip answered with an unexpected status. Place the card again and read again.',
  },
  CHIP_ACCESS_DENIED: {
    vi: 'Chip không cho đọc tệp này (cần quyền của cơ quan cấp thẻ, ví dụ vân tay DG3).',
    en: 'The chip does not allow reading this file (it needs the issuing authority’s rights, e.g. DG3 fingerprints).',
  },
  CHIP_FILE_MISSING: {
    vi: 'Chip thiếu tệp dữ liệu bắt buộc.',
    en: 'A required file is missing on the chip.',
  },
  CHIP_DG_MALFORMED: {
    vi: 'Một nhóm dữ liệu trên chip không đọc được (sai cấu trúc).',
    en: 'A data group on the chip could not be parsed.',
  },
  CHIP_SOD_MALFORMED: {
    vi: 'Tệp chữ ký của chip (EF.SOD) sai cấu trúc: không xác minh được dữ liệu.',
    en: 'The chip’s signature file (EF.SOD) is malformed: the data cannot be verified.',
  },
  CHIP_CURVE_UNSUPPORTED: {
    vi: 'Thẻ dùng tham số mật mã chưa được hỗ trợ.',
    en: 'The card uses cryptographic parameters that are not supported.',
  },
  CHIP_CANCELLED: {
    vi: 'Đã dừng đọc thẻ theo yêu cầu; không có dữ liệu nào được lưu.',
    en: 'The read was stopped on request; nothing was saved.',
  },
  TRUST_FILE_INVALID: {
    vi: 'Tệp không phải chứng thư số (PEM/DER) hay danh sách CSCA hợp lệ. Hãy lấy tệp từ cơ quan quản lý.',
    en: 'The file is not a valid certificate (PEM/DER) or CSCA master list. Get the file from the authority.',
  },
  TRUST_NOT_CA: {
    vi: 'Chứng thư này không phải chứng thư CA (CSCA), không thể dùng làm gốc tin cậy.',
    en: 'This certificate is not a CA (CSCA) certificate and cannot be a trust anchor.',
  },
  TRUST_MASTER_LIST_INVALID: {
    vi: 'Chữ ký của danh sách CSCA (master list) không hợp lệ; không nhập chứng thư nào.',
    en: 'The CSCA master list signature is invalid; no certificate was imported.',
  },
  VENDOR_PAYLOAD_INVALID: {
    vi: 'Dữ liệu do đầu đọc của hãng gửi sang không đúng định dạng đã biết.',
    en: 'The data pushed by the vendor reader is not in a known format.',
  },
} as const satisfies MessageTable;
