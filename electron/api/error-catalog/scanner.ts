import type { MessageTable } from './message-table';

/** Document scanners and the digitization pipeline (issue 5; scanners.md §2). */
export const scannerErrors = {
  // --- the device (codes raised by native/scanner drivers) ---
  SCANNER_BUSY: {
    vi: 'Máy quét đang bận với một lệnh quét khác. Hãy chờ máy quét xong rồi bấm Quét lại.',
    en: 'The scanner is busy with another job. Wait until it is done and press Scan again.',
  },
  SCANNER_GONE: {
    vi: 'Không kết nối được với máy quét (máy tắt, rút cáp hoặc mất mạng). Các trang đã nhận vẫn được giữ; hãy kiểm tra máy quét rồi quét tiếp.',
    en: 'The scanner cannot be reached (switched off, unplugged or off the network). Pages already received are kept; check the scanner and continue.',
  },
  FEEDER_EMPTY: {
    vi: 'Khay nạp giấy (ADF) không có giấy. Hãy đặt giấy vào khay rồi bấm Quét.',
    en: 'The document feeder is empty. Load the paper and press Scan.',
  },
  PAPER_JAM: {
    vi: 'Giấy bị kẹt trong máy quét. Các trang đã quét xong vẫn được giữ; hãy gỡ giấy kẹt rồi quét tiếp từ trang bị kẹt.',
    en: 'Paper jam. Pages already scanned are kept; clear the jam and continue from the jammed page.',
  },
  COVER_OPEN: {
    vi: 'Nắp máy quét hoặc nắp khay nạp giấy đang mở. Hãy đóng nắp rồi quét lại.',
    en: 'The scanner or feeder cover is open. Close it and scan again.',
  },
  SCAN_CANCELLED: {
    vi: 'Đã dừng quét. Các trang đã nhận được giữ trong bản nháp để lưu hoặc bỏ.',
    en: 'Scanning stopped. Pages received are kept in the draft to save or discard.',
  },
  SCAN_TIMEOUT: {
    vi: 'Máy quét không gửi trang nào trong thời gian chờ. Hãy kiểm tra máy quét (giấy, nút Start) rồi thử lại.',
    en: 'The scanner sent no page in time. Check the scanner (paper, Start button) and try again.',
  },
  SCAN_IMAGE_CORRUPT: {
    vi: 'Máy quét gửi về một ảnh hỏng, không đọc được. Các trang trước đó vẫn được giữ; hãy quét lại trang này.',
    en: 'The scanner sent a damaged image that cannot be read. Earlier pages are kept; scan this page again.',
  },
  SCAN_SETTINGS_UNSUPPORTED: {
    vi: 'Máy quét không hỗ trợ thiết lập đã chọn (nguồn giấy, quét hai mặt, độ phân giải hoặc chế độ màu). Hãy chọn cấu hình khác trong trang Thiết bị.',
    en: 'The scanner does not support the chosen settings (source, duplex, resolution or colour). Choose another profile on the Devices page.',
  },
  SCANNER_IO_ERROR: {
    vi: 'Máy quét báo lỗi khi quét. Các trang đã nhận vẫn được giữ; hãy tắt bật lại máy quét rồi thử lại, nếu vẫn lỗi hãy báo bộ phận CNTT.',
    en: 'The scanner reported an error. Pages received are kept; restart the scanner and retry, or contact IT.',
  },
  SCANNER_DRIVER_MISSING: {
    vi: 'Máy tính này chưa có phần mềm cần cho loại máy quét đã chọn (SANE, WIA hoặc NAPS2). Hãy báo bộ phận CNTT cài đặt.',
    en: 'This computer lacks the software this scanner type needs (SANE, WIA or NAPS2). Ask IT to install it.',
  },
  SCANNER_URI_INVALID: {
    vi: 'Địa chỉ máy quét không hợp lệ. Ví dụ đúng: escl:http://192.168.1.20/eSCL, sane:test, folder:/duong/dan.',
    en: 'Invalid scanner address. Examples: escl:http://192.168.1.20/eSCL, sane:test, folder:/path.',
  },
  HOT_FOLDER_FILE_UNSUPPORTED: {
    vi: 'Thư mục quét có một tệp không phải ảnh hay PDF; tệp đã được chuyển sang thư mục "khong-hop-le". Các trang đã nhận vẫn được giữ.',
    en: 'The scan folder held a file that is neither an image nor a PDF; it was moved to "khong-hop-le". Pages received are kept.',
  },
  // --- the pipeline and the records ---
  DISK_FULL: {
    vi: 'Ổ đĩa đã đầy, không ghi được tệp quét. Các trang và hồ sơ đã lưu trước đó vẫn nguyên vẹn; hãy giải phóng dung lượng rồi lưu lại.',
    en: 'The disk is full and the scan could not be written. Earlier pages and records are intact; free some space and save again.',
  },
  SCAN_INTERRUPTED: {
    vi: 'Lần quét trước bị gián đoạn (ứng dụng bị tắt khi đang quét). Các trang đã nhận được giữ trong bản nháp.',
    en: 'The previous scan was interrupted (the app closed while scanning). Pages received are kept in the draft.',
  },
  SCAN_DRAFT_NOT_FOUND: {
    vi: 'Không tìm thấy bản nháp quét (có thể đã được lưu hoặc bỏ).',
    en: 'Scan draft not found (it may have been saved or discarded).',
  },
  SCAN_IN_PROGRESS: {
    vi: 'Đang quét. Hãy chờ quét xong hoặc bấm Dừng trước khi thực hiện thao tác này.',
    en: 'A scan is in progress. Wait for it to finish or press Stop first.',
  },
  SCAN_NO_PAGES: {
    vi: 'Chưa có trang nào được giữ để lưu. Hãy quét hoặc đánh dấu "Giữ trang" cho ít nhất một trang.',
    en: 'No page is kept to save. Scan, or mark at least one page as kept.',
  },
  SCAN_FILE_MISSING: {
    vi: 'Không tìm thấy tệp quét trên đĩa hoặc tệp đã bị thay đổi. Hãy chạy "db check" và báo bộ phận CNTT.',
    en: 'The scan file is missing or was changed on disk. Run "db check" and contact IT.',
  },
  SCAN_FILES_INCONSISTENT: {
    vi: 'Một số tài liệu số hóa bị thiếu tệp hoặc tệp đã bị thay đổi (sai sha256). Không xóa gì; hãy khôi phục tệp từ bản sao lưu và báo bộ phận CNTT.',
    en: 'Some digitized documents have missing or altered files (sha256 mismatch). Nothing was deleted; restore the files from a backup and contact IT.',
  },
  DOCUMENT_NOT_FOUND: {
    vi: 'Không tìm thấy tài liệu số hóa.',
    en: 'Digitized document not found.',
  },
  SCANNER_PROFILE_NOT_FOUND: {
    vi: 'Không tìm thấy cấu hình máy quét. Bộ phận CNTT cần tạo cấu hình trong trang Thiết bị.',
    en: 'Scanner profile not found. IT staff must create one on the Devices page.',
  },
  REUSE_NO_CITIZEN: {
    vi: 'Hồ sơ này chưa gắn số định danh công dân nên không tìm được giấy tờ đã số hóa trước đây.',
    en: 'This dossier has no citizen ID number, so earlier digitized documents cannot be looked up.',
  },
  REUSE_NOT_ALLOWED: {
    vi: 'Chỉ được tái sử dụng giấy tờ đã số hóa của chính công dân đứng tên hồ sơ.',
    en: 'Only the dossier holder’s own earlier digitized documents can be reused.',
  },
} as const satisfies MessageTable;
