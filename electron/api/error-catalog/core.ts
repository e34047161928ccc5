import type { MessageTable } from './message-table';

/** Errors of the contract itself, the data directory, the database and the core records. */
export const coreErrors = {
  // --- contract / transport ---
  UNKNOWN_CALL: {
    vi: 'Chức năng được gọi không tồn tại trong phiên bản ứng dụng này.',
    en: 'The requested function does not exist in this version of the app.',
  },
  INVALID_INPUT: {
    vi: 'Dữ liệu gửi lên không hợp lệ. Vui lòng kiểm tra lại các trường đã nhập.',
    en: 'The submitted data is invalid. Please check the fields you entered.',
  },
  UNAUTHORIZED: {
    vi: 'Yêu cầu không được phép: thiếu hoặc sai mã phiên làm việc. Hãy mở lại đường dẫn do ứng dụng in ra.',
    en: 'Request not allowed: missing or wrong session token. Open the link the app printed again.',
  },
  UNTRUSTED_SENDER: {
    vi: 'Yêu cầu đến từ một trang không thuộc ứng dụng và đã bị từ chối.',
    en: 'The request came from a page outside the app and was refused.',
  },
  INTERNAL: {
    vi: 'Đã xảy ra lỗi nội bộ. Dữ liệu đã lưu không bị ảnh hưởng; vui lòng thử lại hoặc báo bộ phận CNTT.',
    en: 'An internal error occurred. Saved data is unaffected; try again or contact IT.',
  },
  // --- data directory and database ---
  DATA_DIR_UNWRITABLE: {
    vi: 'Không ghi được vào thư mục dữ liệu. Hãy kiểm tra quyền ghi hoặc chọn thư mục khác (biến MOTCUA_DATA_DIR).',
    en: 'The data directory is not writable. Check its permissions or choose another one (MOTCUA_DATA_DIR).',
  },
  DB_NOT_SQLITE: {
    vi: 'Tệp cơ sở dữ liệu không phải là tệp SQLite hợp lệ. Ứng dụng không sửa đổi tệp này; hãy khôi phục bản sao lưu.',
    en: 'The database file is not a valid SQLite file. The app left it untouched; restore a backup.',
  },
  DB_SCHEMA_NEWER: {
    vi: 'Cơ sở dữ liệu được tạo bởi phiên bản ứng dụng mới hơn. Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.',
    en: 'The database was created by a newer version of the app. Update the app; the data was not changed.',
  },
  DB_MIGRATION_EDITED: {
    vi: 'Một bản nâng cấp cơ sở dữ liệu đã phát hành bị sửa đổi (sai mã kiểm tra). Ứng dụng dừng để bảo vệ dữ liệu.',
    en: 'A released database migration was edited (checksum mismatch). The app stopped to protect the data.',
  },
  DB_MIGRATION_FAILED: {
    vi: 'Nâng cấp cơ sở dữ liệu thất bại và đã được hoàn tác; dữ liệu cũ còn nguyên.',
    en: 'The database upgrade failed and was rolled back; existing data is intact.',
  },
  DB_CORRUPT: {
    vi: 'Cơ sở dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu và báo bộ phận CNTT.',
    en: 'The database is corrupt. Restore it from a backup and contact IT.',
  },
  DB_BUSY: {
    vi: 'Cơ sở dữ liệu đang bận do một cửa sổ hoặc tiến trình khác. Vui lòng thử lại sau giây lát.',
    en: 'The database is busy with another window or process. Try again in a moment.',
  },
  // --- settings ---
  OFFICE_NOT_CONFIGURED: {
    vi: 'Chưa khai báo thông tin cơ quan (tên, mã đơn vị hành chính, mã cơ quan). Vào Cài đặt để khai báo trước khi tiếp nhận hồ sơ.',
    en: 'The office identity (name, administrative unit code, agency code) is not set. Fill it in under Settings first.',
  },
  // --- procedures / dossiers ---
  PROCEDURE_NOT_FOUND: {
    vi: 'Không tìm thấy thủ tục hành chính đã chọn trong danh mục.',
    en: 'The selected procedure is not in the catalogue.',
  },
  CATALOG_INVALID: {
    vi: 'Tệp danh mục thủ tục không hợp lệ; danh mục hiện tại được giữ nguyên.',
    en: 'The procedure catalogue file is invalid; the current catalogue is kept.',
  },
  DOSSIER_NOT_FOUND: {
    vi: 'Không tìm thấy hồ sơ.',
    en: 'Dossier not found.',
  },
} as const satisfies MessageTable;
