import type { MessageTable } from './message-table';

/** The procedure catalogue and its service levels (NĐ 42/2022 Art. 11, regulations.md §2). */
export const procedureErrors = {
  LEVEL_UNKNOWN: {
    vi: 'Mức độ không hợp lệ. Chỉ dùng một trong: full (toàn trình), partial (một phần), info_only (chỉ cung cấp thông tin).',
    en: 'Unknown level. Use one of: full (toàn trình), partial (một phần), info_only (information only).',
  },
  DEADLINE_IN_PAST: {
    vi: 'Thời hạn đạt mục tiêu đã qua. Hãy chọn một ngày từ hôm nay trở đi; không có gì bị thay đổi.',
    en: 'The target deadline is in the past. Choose today or a later day; nothing was changed.',
  },
  LEVEL_NOTE_REQUIRED: {
    vi: 'Hãy ghi lý do thay đổi (căn cứ, văn bản) — mỗi thay đổi mức độ được lưu vào lịch sử.',
    en: 'Give the reason for the change (basis, document): every level change is kept in the history.',
  },
  LEVEL_NO_CHANGE: {
    vi: 'Không có gì thay đổi: mức độ, mục tiêu và thời hạn giống hiện tại.',
    en: 'Nothing to change: level, target and deadline are the same as now.',
  },
  CATALOG_UNREADABLE: {
    vi: 'Không đọc được tệp danh mục (không phải JSON/XLSX hợp lệ hoặc thiếu trang tính). Danh mục hiện tại được giữ nguyên.',
    en: 'The catalogue file cannot be read (not valid JSON/XLSX, or a sheet is missing). The current catalogue is kept.',
  },
  CATALOG_PREVIEW_STALE: {
    vi: 'Tệp hoặc danh mục hiện tại đã thay đổi kể từ lúc xem trước. Hãy xem trước lại trước khi áp dụng.',
    en: 'The file or the current catalogue changed since the preview. Preview again before applying.',
  },
} as const satisfies MessageTable;
