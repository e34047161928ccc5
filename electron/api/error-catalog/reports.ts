import type { MessageTable } from './message-table';

/** Reports (issue 6): periods, profiles, fonts and the files written. */
export const reportErrors = {
  REPORT_PERIOD_FUTURE: {
    vi: 'Kỳ báo cáo chưa bắt đầu (nằm trong tương lai). Hãy chọn một kỳ đã qua hoặc kỳ hiện tại.',
    en: 'The report period has not started yet (it is in the future). Choose a past or the current period.',
  },
  REPORT_PERIOD_EMPTY: {
    vi: 'Trong kỳ này không có hồ sơ nào được tiếp nhận và không có tài liệu nào được số hóa, nên không có số liệu để lập báo cáo. Hãy kiểm tra lại kỳ báo cáo.',
    en: 'No dossier was received and nothing was digitized in this period, so there is nothing to report. Check the period.',
  },
  REPORT_PROFILE_NOT_FOUND: {
    vi: 'Không tìm thấy mẫu báo cáo này (có thể đã bị xóa). Hãy chọn mẫu khác trong danh sách.',
    en: 'This report profile does not exist (it may have been removed). Choose another one.',
  },
  REPORT_PROFILE_NAME_TAKEN: {
    vi: 'Đã có mẫu báo cáo cùng tên. Hãy đặt một tên khác.',
    en: 'A report profile with this name already exists. Choose another name.',
  },
  REPORT_PROFILE_IS_DEFAULT: {
    vi: 'Không xóa được mẫu báo cáo mặc định. Hãy đặt mẫu khác làm mặc định trước.',
    en: 'The default report profile cannot be removed. Make another profile the default first.',
  },
  REPORT_FONT_MISSING: {
    vi: 'Thiếu tệp phông chữ Liberation Serif trong thư mục resources/fonts của ứng dụng, nên không tạo được báo cáo PDF. Hãy cài lại ứng dụng; báo cáo Excel vẫn dùng được.',
    en: 'A Liberation Serif font file is missing from the app’s resources/fonts folder, so the PDF cannot be made. Reinstall the app; the Excel report still works.',
  },
  REPORT_OUTPUT_UNWRITABLE: {
    vi: 'Không ghi được tệp báo cáo vào đường dẫn đã chọn (thư mục không tồn tại, không có quyền ghi hoặc đĩa đầy). Không có tệp nào được tạo; hãy chọn nơi lưu khác.',
    en: 'The report file cannot be written there (missing folder, no permission or disk full). No file was created; choose another location.',
  },
} as const satisfies MessageTable;
