import type { MessageTable } from './message-table';

/** The dossier lifecycle: receipt, due dates, status, assisted online filing, periods. */
export const dossierErrors = {
  APPLICANT_ID_REQUIRED: {
    vi: 'Hồ sơ của cá nhân phải có số định danh cá nhân. Hãy quét thẻ căn cước hoặc nhập thông tin công dân.',
    en: 'An individual’s dossier needs the personal ID number. Scan the ID card or enter the citizen’s details.',
  },
  ORGANIZATION_NAME_REQUIRED: {
    vi: 'Hồ sơ của tổ chức phải có tên tổ chức.',
    en: 'An organisation’s dossier needs the organisation’s name.',
  },
  PAPER_NOT_ACCEPTED: {
    vi: 'Thủ tục này chỉ thực hiện trực tuyến toàn trình, không tiếp nhận hồ sơ giấy (Chỉ thị 24/CT-TTg, từ 01/10/2025). Hãy hỗ trợ công dân nộp trên Cổng DVCQG/VNeID và chọn hình thức "Hỗ trợ nộp trực tuyến".',
    en: 'This procedure is online-only; paper dossiers are not accepted (Directive 24/CT-TTg, from 1/10/2025). Help the citizen file on DVCQG/VNeID and choose "Assisted online filing".',
  },
  ASSISTED_FILING_CHANNEL: {
    vi: 'Kết quả hỗ trợ nộp trực tuyến chỉ ghi cho hồ sơ có hình thức "Hỗ trợ nộp trực tuyến".',
    en: 'An assisted-filing outcome can only be recorded for an "Assisted online filing" dossier.',
  },
  ASSISTED_REASON_REQUIRED: {
    vi: 'Hãy ghi lý do nộp trực tuyến không thành công (ví dụ: tài khoản VNeID chưa mức 2, lỗi Cổng DVCQG).',
    en: 'Give the reason the online filing failed (e.g. VNeID account not level 2, DVCQG error).',
  },
  DOSSIER_SEQUENCE_EXHAUSTED: {
    vi: 'Đã hết số thứ tự trong ngày cho tiền tố của máy trạm này. Hãy đổi sang tiền tố khác trong cài đặt hồ sơ.',
    en: 'This workstation’s prefix has no numbers left for today. Switch to another prefix in the dossier settings.',
  },
  DOSSIER_TRANSITION_INVALID: {
    vi: 'Không thể chuyển hồ sơ sang trạng thái này (thứ tự: tiếp nhận → đang xử lý → hoàn thành / trả lại / hủy; hồ sơ đã kết thúc không mở lại được).',
    en: 'The dossier cannot move to this status (received → processing → done / returned / cancelled; a finished dossier cannot reopen).',
  },
  DOSSIER_REASON_REQUIRED: {
    vi: 'Hãy ghi lý do trả lại hoặc hủy hồ sơ.',
    en: 'Give the reason for returning or cancelling the dossier.',
  },
  PERIOD_INVALID: {
    vi: 'Khoảng thời gian không hợp lệ (ngày không có thật, ngày bắt đầu sau ngày kết thúc, hoặc dài quá 10 năm).',
    en: 'Invalid period (impossible date, start after end, or longer than 10 years).',
  },
  CALENDAR_DAY_INVALID: {
    vi: 'Ngày nghỉ phải là ngày thường (thứ Hai–thứ Sáu); ngày làm bù phải là thứ Bảy hoặc Chủ nhật.',
    en: 'A holiday must fall on a weekday; a swapped working day must be a Saturday or Sunday.',
  },
} as const satisfies MessageTable;
