import type { IndicatorName } from './calls/indicators';

/**
 * How each indicator is computed (regulations.md §2 and §4, QĐ 766/QĐ-TTg), in the UI's two
 * languages. A pure table: the dashboard shows it on hover, next to the numerator/denominator.
 */
export const INDICATOR_FORMULAS: Readonly<Record<IndicatorName, { vi: string; en: string }>> = {
  onTimeRate: {
    vi: 'Tỷ lệ đúng hạn (QĐ 766) = (hồ sơ đã xử lý trước/đúng hạn + hồ sơ đang xử lý còn trong hạn) ÷ (hồ sơ tiếp nhận trong kỳ, trừ hồ sơ hủy) × 100',
    en: 'On-time rate (QĐ 766) = (files finished on or before due + open files still within due) ÷ (files received in the period, less cancelled) × 100',
  },
  onlineShare: {
    vi: 'Tỷ lệ nộp trực tuyến = hồ sơ nộp trực tuyến (có hỗ trợ của bộ phận một cửa) ÷ tổng hồ sơ tiếp nhận trong kỳ × 100',
    en: 'Online share = files filed online (assisted by the desk) ÷ all files received in the period × 100',
  },
  inPersonShare: {
    vi: 'Tỷ lệ nộp trực tiếp = hồ sơ nộp trực tiếp ÷ tổng hồ sơ tiếp nhận trong kỳ × 100',
    en: 'In-person share = files filed in person ÷ all files received in the period × 100',
  },
  postalShare: {
    vi: 'Tỷ lệ qua bưu chính = hồ sơ qua bưu chính ÷ tổng hồ sơ tiếp nhận trong kỳ × 100',
    en: 'Postal share = files sent by post ÷ all files received in the period × 100',
  },
  fullOnlineShare: {
    vi: 'Tỷ lệ hồ sơ trực tuyến toàn trình = hồ sơ nộp trực tuyến của TTHC đang ở mức toàn trình khi tiếp nhận ÷ hồ sơ tiếp nhận của các TTHC đó (trừ hồ sơ hủy) × 100',
    en: 'Full-online share = online files of procedures that were toàn trình when received ÷ all files of those procedures (less cancelled) × 100',
  },
  assistedSuccessRate: {
    vi: 'Tỷ lệ hỗ trợ nộp trực tuyến thành công = lần hỗ trợ nộp thành công ÷ (thành công + không thành công) × 100',
    en: 'Assisted-filing success = assisted filings submitted ÷ (submitted + failed) × 100',
  },
};
