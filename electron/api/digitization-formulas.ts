/**
 * How the digitization rates are computed (regulations.md §4, QĐ 766/QĐ-TTg "Số hóa hồ sơ"; the
 * definitions of electron/services/digitization/summaries.ts), in the UI's two languages. A pure
 * table, printed beside each rate in the reports.
 */
export const DIGITIZATION_FORMULAS = {
  components: {
    vi: 'Tỷ lệ số hóa thành phần hồ sơ = hồ sơ tiếp nhận trong kỳ có ít nhất một thành phần được số hóa hoặc tái sử dụng ÷ hồ sơ tiếp nhận trong kỳ × 100',
    en: 'Components digitized = files received in the period with at least one component digitized or reused ÷ files received in the period × 100',
  },
  results: {
    vi: 'Tỷ lệ số hóa kết quả = hồ sơ hoàn thành trong kỳ có kết quả được số hóa ÷ hồ sơ hoàn thành trong kỳ × 100',
    en: 'Results digitized = files completed in the period with a digitized result ÷ files completed in the period × 100',
  },
  reuse: {
    vi: 'Tỷ lệ tái sử dụng dữ liệu số hóa = hồ sơ tiếp nhận trong kỳ có thành phần được tái sử dụng ÷ hồ sơ tiếp nhận trong kỳ × 100',
    en: 'Reuse = files received in the period with a reused component ÷ files received in the period × 100',
  },
} as const satisfies Record<'components' | 'results' | 'reuse', { vi: string; en: string }>;
