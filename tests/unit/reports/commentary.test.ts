import { describe, expect, it } from 'vitest';
import type { ReportFigures } from '../../../electron/api/report-schemas';
import {
  emptyCounters,
  indicatorRow,
  type Counters,
} from '../../../electron/services/indicators/indicator-math';
import { buildCommentary } from '../../../electron/services/reports/commentary';
import { parseReportPeriod } from '../../../electron/services/reports/report-period';

const counters = (c: Partial<Counters>): Counters => ({ ...emptyCounters(), ...c });
const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  percent: denominator ? Math.round((numerator / denominator) * 10000) / 100 : null,
});
const digitization = {
  received: 0,
  receivedWithComponents: 0,
  receivedWithReuse: 0,
  completed: 0,
  completedWithResult: 0,
  componentDocuments: 0,
  componentPages: 0,
  resultDocuments: 0,
  resultPages: 0,
  reusedDocuments: 0,
  reusedPages: 0,
};

function figures(over: {
  current: Partial<Counters>;
  previous: Partial<Counters>;
  components?: [number, number][];
  procedures?: [string, number, number][];
  overdue?: ReportFigures['overdue'];
  partial?: boolean;
}): Omit<ReportFigures, 'commentary'> {
  const [c, p] = over.components ?? [
    [50, 100],
    [50, 100],
  ];
  const side = (spec: string, k: Partial<Counters>, comp: [number, number]) => ({
    period: parseReportPeriod(spec),
    totals: indicatorRow('*', 'Tổng cộng', counters(k)),
    digitization,
    digitizationRates: { components: rate(...comp), results: rate(1, 2), reuse: rate(1, 10) },
  });
  return {
    profile: { id: 1, name: 'x' },
    office: { name: 'UBND phường Thử Nghiệm', place: 'Hạ Long' },
    asOf: '2026-11-24T03:00:00.000Z',
    partial: over.partial ?? false,
    current: side('2026-10', over.current, c!),
    previous: side('2026-09', over.previous, p!),
    procedures: (over.procedures ?? []).map(([name, now, before], i) => ({
      key: `p${i}`,
      seq: i + 1,
      name,
      indicators: indicatorRow(`p${i}`, name, counters({ received: now })),
      digitization,
      previousReceived: before,
      intake: { qr: 0, chip: 0, manual: 0 },
      dataSources: '',
      beneficiaries: '',
      problems: '',
      solutions: '',
    })),
    trend: [],
    overdue: over.overdue ?? { now: 0, inPeriod: 0, byProcedure: [] },
  };
}

describe('automatic commentary', () => {
  it('compares with the previous period: volume, largest changes, rates that moved', () => {
    const lines = buildCommentary(
      figures({
        current: { received: 250, onlineAssisted: 200, done: 240, finishedOnTime: 230 },
        previous: { received: 200, onlineAssisted: 100, done: 190, finishedOnTime: 190 },
        components: [
          [80, 100],
          [60, 100],
        ],
        procedures: [
          ['Đăng ký khai sinh', 120, 80],
          ['Đăng ký tạm trú', 50, 60],
          ['Đăng ký kết hôn', 80, 60],
          ['Khai báo tạm vắng', 0, 0],
        ],
        overdue: {
          now: 12,
          inPeriod: 3,
          byProcedure: [{ key: 'p0', name: 'Đăng ký khai sinh', count: 2 }],
        },
      }),
    );
    expect(lines).toEqual([
      'Trong kỳ tiếp nhận 250 hồ sơ, tăng 50 (25,0%) so với tháng 9 năm 2026 (200 hồ sơ).',
      'Thay đổi lớn nhất theo thủ tục: Đăng ký khai sinh tăng 40 (50,0%); Đăng ký kết hôn tăng 20 (33,3%); Đăng ký tạm trú giảm 10 (16,7%).',
      'Các tỷ lệ thay đổi nhiều nhất: tỷ lệ hồ sơ nộp trực tuyến tăng 30,00 điểm phần trăm (50,00% → 80,00%); tỷ lệ số hóa thành phần hồ sơ tăng 20,00 điểm phần trăm (60,00% → 80,00%); tỷ lệ hồ sơ giải quyết đúng hạn giảm 3,00 điểm phần trăm (95,00% → 92,00%).',
      'Hiện có 12 hồ sơ quá hạn chưa giải quyết, trong đó 3 hồ sơ tiếp nhận trong kỳ, nhiều nhất ở: Đăng ký khai sinh (2). Hồ sơ quá hạn bị tính là người dân không hài lòng (QĐ 766/QĐ-TTg); cần đôn đốc giải quyết.',
    ]);
  });

  it('says when there is nothing to compare, when the period is not over, and when nothing is overdue', () => {
    const lines = buildCommentary(
      figures({ current: { received: 10 }, previous: {}, partial: true }),
    );
    expect(lines).toEqual([
      'Kỳ báo cáo chưa kết thúc: số liệu tính đến thời điểm lập báo cáo (10:00 ngày 24/11/2026).',
      'Trong kỳ tiếp nhận 10 hồ sơ; kỳ trước (tháng 9 năm 2026) không có số liệu để so sánh.',
      'Không có hồ sơ quá hạn chưa giải quyết.',
    ]);
  });

  it('leaves out moves below half a percentage point', () => {
    const lines = buildCommentary(
      figures({
        current: { received: 1000, onlineAssisted: 503 },
        previous: { received: 1000, onlineAssisted: 500 },
      }),
    );
    expect(lines[1]).toBe('Các tỷ lệ chính không thay đổi đáng kể so với kỳ trước.');
    expect(lines[0]).toContain('không thay đổi so với');
  });
});
