import { seedDemoOffice } from '../../../electron/services/demo/demo-service';
import type { ReportFormat } from '../../../electron/services/reports/reports-service';
import { systemClock } from '../../../electron/services/shared/clock';
import { vnDay } from '../../../electron/services/shared/vn-time';
import { round, timeWithCpu, type BenchResult, type BenchSuite } from '../harness';
import { withBenchServices } from '../bench-services';

const SUITE = 'reports';

/**
 * Issue 6's budgets on five years of a busy office (`demo seed --days 1825`, ≥ 1M dossiers and
 * their digitization history): a month's report ≤ 300 ms, a year's ≤ 1 s, a month's PDF
 * ≤ 300 KB. Each timing is the whole job a user waits for — figures (indicators, dashboard
 * trend, digitization, previous period, commentary) and the rendered file — in process.
 */
export const reportsSuite: BenchSuite = {
  name: SUITE,
  async run(log) {
    return withBenchServices('motcua-bench-', async ({ services }) => {
      log('  seeding 1825 days (demo seed --days 1825, with digitization)…');
      const seeded = seedDemoOffice(services, systemClock, {
        days: 1825,
        perWeekday: 760,
        seed: 6,
      });
      const today = vnDay(Date.now());
      const y = Number(today.slice(0, 4));
      const m = Number(today.slice(5, 7));
      const month = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
      const year = String(y - 1);
      const profiles = services.reports.profiles.list();
      const deAn06 = profiles.find((p) => p.builtin === 'de-an-06-thang')!.id;
      const render = (period: string, format: ReportFormat, profileId?: number) => async () => {
        const report = await services.reports.render({
          period,
          format,
          purpose: 'preview',
          ...(profileId ? { profileId } : {}),
        });
        return report.bytes.length;
      };
      // The first report after start-up (fonts parsed, statements prepared, code warmed).
      const coldStarted = performance.now();
      const monthBytes = await render(month, 'pdf')();
      const coldMs = performance.now() - coldStarted;
      log('  timing…');
      const monthPdf = await timeWithCpu(render(month, 'pdf'), 30, 3);
      const monthXlsx = await timeWithCpu(render(month, 'xlsx'), 20, 3);
      const monthDeAn06 = await timeWithCpu(render(month, 'pdf', deAn06), 20, 3);
      const yearPdf = await timeWithCpu(render(year, 'pdf'), 12, 2);
      const yearBytes = await render(year, 'pdf')();
      const detail = (s: typeof monthPdf) => ({
        p50: round(s.p50, 1),
        cpuP50: round(s.cpuP50, 1),
        cpuP99: round(s.cpuP99, 1),
        samples: s.n,
      });
      const results: BenchResult[] = [
        {
          suite: SUITE,
          name: `monthly report PDF (${month}, default profile) on ${seeded.dossiers.toLocaleString('en')} dossiers, p99`,
          unit: 'ms',
          value: round(monthPdf.p99, 1),
          detail: { ...detail(monthPdf), firstAfterStart: round(coldMs, 0) },
          budget: { max: 300, label: '≤ 300 ms' },
        },
        {
          suite: SUITE,
          name: 'monthly report Excel (same figures), p99',
          unit: 'ms',
          value: round(monthXlsx.p99, 1),
          detail: detail(monthXlsx),
          budget: { max: 300, label: '≤ 300 ms' },
        },
        {
          suite: SUITE,
          name: 'monthly Đề án 06 template PDF (intake sources, 25-service appendix), p99',
          unit: 'ms',
          value: round(monthDeAn06.p99, 1),
          detail: detail(monthDeAn06),
          budget: { max: 300, label: '≤ 300 ms' },
        },
        {
          suite: SUITE,
          name: `yearly report PDF (${year}, previous year compared), p99`,
          unit: 'ms',
          value: round(yearPdf.p99, 1),
          detail: { ...detail(yearPdf), kb: round(yearBytes / 1024, 0) },
          budget: { max: 1000, label: '≤ 1 s' },
        },
        {
          suite: SUITE,
          name: 'size of a month’s PDF (fonts embedded as subsets)',
          unit: 'KB',
          value: round(monthBytes / 1024, 1),
          detail: { documents: seeded.documents },
          budget: { max: 300, label: '≤ 300 KB' },
        },
      ];
      return results;
    });
  },
};
