/**
 * The report's short automatic commentary: the period's volume against the previous period, the
 * procedures that changed most, the rates that moved most (in percentage points), and the
 * overdue files. Pure: figures in, Vietnamese sentences out; every number is one the report's
 * tables show, formatted the same way.
 */
import type { ReportFigures } from '../../api/report-schemas';
import { viDateTime, viDecimal, viInteger, viPercent } from './vi-format';

type Inputs = Omit<ReportFigures, 'commentary'>;

/** Rates worth a sentence: the QĐ 766 indicators and the §4 digitization rates. */
function rates(f: Inputs['current']): { name: string; value: number | null }[] {
  return [
    { name: 'tỷ lệ hồ sơ giải quyết đúng hạn', value: f.totals.onTimeRate },
    { name: 'tỷ lệ hồ sơ nộp trực tuyến', value: f.totals.onlineShare },
    { name: 'tỷ lệ hồ sơ trực tuyến toàn trình', value: f.totals.fullOnlineShare },
    { name: 'tỷ lệ số hóa thành phần hồ sơ', value: f.digitizationRates.components.percent },
    { name: 'tỷ lệ số hóa kết quả giải quyết', value: f.digitizationRates.results.percent },
    { name: 'tỷ lệ tái sử dụng dữ liệu số hóa', value: f.digitizationRates.reuse.percent },
  ];
}

const MIN_POINTS = 0.5; // a smaller move is noise at a commune desk's volumes
const TOP = 3;

function change(now: number, before: number): string {
  const delta = now - before;
  if (delta === 0) return 'không thay đổi';
  const word = delta > 0 ? 'tăng' : 'giảm';
  const relative = before > 0 ? ` (${viDecimal((Math.abs(delta) / before) * 100, 1)}%)` : '';
  return `${word} ${viInteger(Math.abs(delta))}${relative}`;
}

export function buildCommentary(f: Inputs): string[] {
  const lines: string[] = [];
  const cur = f.current.totals;
  const prev = f.previous.totals;
  const prevLabel = f.previous.period.label;
  if (f.partial) {
    lines.push(
      `Kỳ báo cáo chưa kết thúc: số liệu tính đến thời điểm lập báo cáo (${viDateTime(Date.parse(f.asOf))}).`,
    );
  }
  if (prev.received === 0) {
    lines.push(
      `Trong kỳ tiếp nhận ${viInteger(cur.received)} hồ sơ; kỳ trước (${prevLabel}) không có số liệu để so sánh.`,
    );
  } else {
    lines.push(
      `Trong kỳ tiếp nhận ${viInteger(cur.received)} hồ sơ, ${change(cur.received, prev.received)} so với ${prevLabel} (${viInteger(prev.received)} hồ sơ).`,
    );
    const moved = f.procedures
      .map((p) => ({ p, delta: p.indicators.received - p.previousReceived }))
      .filter((m) => m.delta !== 0)
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.p.seq - b.p.seq)
      .slice(0, TOP);
    if (moved.length > 0) {
      lines.push(
        `Thay đổi lớn nhất theo thủ tục: ${moved
          .map((m) => `${m.p.name} ${change(m.p.indicators.received, m.p.previousReceived)}`)
          .join('; ')}.`,
      );
    }
    const before = new Map(rates(f.previous).map((r) => [r.name, r.value]));
    const shifts = rates(f.current)
      .map((r) => ({ ...r, was: before.get(r.name) ?? null }))
      .filter((r) => r.value !== null && r.was !== null && Math.abs(r.value - r.was) >= MIN_POINTS)
      .sort((a, b) => Math.abs(b.value! - b.was!) - Math.abs(a.value! - a.was!))
      .slice(0, TOP);
    if (shifts.length > 0) {
      lines.push(
        `Các tỷ lệ thay đổi nhiều nhất: ${shifts
          .map(
            (r) =>
              `${r.name} ${r.value! > r.was! ? 'tăng' : 'giảm'} ${viDecimal(Math.abs(r.value! - r.was!), 2)} điểm phần trăm (${viPercent(r.was)} → ${viPercent(r.value)})`,
          )
          .join('; ')}.`,
      );
    } else {
      lines.push('Các tỷ lệ chính không thay đổi đáng kể so với kỳ trước.');
    }
  }
  if (f.overdue.now === 0) {
    lines.push('Không có hồ sơ quá hạn chưa giải quyết.');
  } else {
    const worst = f.overdue.byProcedure
      .slice(0, TOP)
      .map((o) => `${o.name} (${viInteger(o.count)})`)
      .join('; ');
    lines.push(
      `Hiện có ${viInteger(f.overdue.now)} hồ sơ quá hạn chưa giải quyết, trong đó ${viInteger(f.overdue.inPeriod)} hồ sơ tiếp nhận trong kỳ${worst ? `, nhiều nhất ở: ${worst}` : ''}. Hồ sơ quá hạn bị tính là người dân không hài lòng (QĐ 766/QĐ-TTg); cần đôn đốc giải quyết.`,
    );
  }
  return lines;
}
