import { seedDemoOffice } from '../../../electron/services/demo/demo-service';
import { systemClock } from '../../../electron/services/shared/clock';
import { vnDay } from '../../../electron/services/shared/vn-time';
import { SAMPLE_CITIZEN } from '../../support/services';
import { round, timeWithCpu, type BenchResult, type BenchSuite } from '../harness';
import { withBenchServices } from '../bench-services';

const SUITE = 'procedures';

/**
 * The budgets on five years of a busy office (`demo seed --days 1825`, ≥ 1M dossiers):
 * dashboard data for a month ≤ 50 ms and a year ≤ 150 ms, creating a dossier ≤ 5 ms p99.
 */
export const proceduresSuite: BenchSuite = {
  name: SUITE,
  async run(log) {
    return withBenchServices('motcua-bench-', async ({ services, dispatcher }) => {
      log('  seeding 1825 days (demo seed --days 1825)…');
      const started = performance.now();
      const seeded = seedDemoOffice(services, systemClock, {
        days: 1825,
        perWeekday: 760,
        seed: 6,
      });
      const seedMs = performance.now() - started;
      const month = vnDay(Date.now()).slice(0, 7);
      const year = month.slice(0, 4);
      const call = async (name: 'dashboard.get' | 'indicators.compute', input: unknown) => {
        const r = await dispatcher.dispatch(name, input as never);
        if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
      };
      const dashMonth = await timeWithCpu(() => call('dashboard.get', { period: month }), 200, 5);
      const dashYear = await timeWithCpu(() => call('dashboard.get', { period: year }), 100, 3);
      const indicators = await timeWithCpu(() => call('indicators.compute', { month }), 100, 5);
      await dispatcher.dispatch('dossiers.updateSettings', {
        workstationPrefix: '2',
        stuckAfterDays: 5,
        provinceCode: null,
      });
      const create = await timeWithCpu(
        async () => {
          const r = await dispatcher.dispatch('dossiers.create', {
            procedureKey: 'dang-ky-thuong-tru',
            channel: 'online_assisted',
            citizen: SAMPLE_CITIZEN,
            assistedFiling: { outcome: 'submitted' },
          });
          if (!r.ok) throw new Error(r.error.code);
        },
        800,
        20,
      );
      const detail = { dossiers: seeded.dossiers };
      return [
        {
          suite: SUITE,
          name: `demo seed --days 1825 (${seeded.dossiers.toLocaleString('en')} dossiers, counters added per batch)`,
          unit: 'ms',
          value: round(seedMs, 0),
          detail,
        },
        {
          suite: SUITE,
          name: 'dashboard data for a month (25 procedures, 12-month trend, alerts), p99',
          unit: 'ms',
          value: round(dashMonth.p99, 2),
          detail: {
            p50: round(dashMonth.p50, 2),
            cpuP50: round(dashMonth.cpuP50, 2),
            cpuP99: round(dashMonth.cpuP99, 2),
            samples: dashMonth.n,
          },
          budget: { max: 50, label: '≤ 50 ms' },
        },
        {
          suite: SUITE,
          name: 'dashboard data for a year, p99',
          unit: 'ms',
          value: round(dashYear.p99, 2),
          detail: {
            p50: round(dashYear.p50, 2),
            cpuP50: round(dashYear.cpuP50, 2),
            cpuP99: round(dashYear.cpuP99, 2),
            samples: dashYear.n,
          },
          budget: { max: 150, label: '≤ 150 ms' },
        },
        {
          suite: SUITE,
          name: 'indicators for a month (indicators --month), p99',
          unit: 'ms',
          value: round(indicators.p99, 2),
          detail: {
            p50: round(indicators.p50, 2),
            cpuP50: round(indicators.cpuP50, 2),
            cpuP99: round(indicators.cpuP99, 2),
            samples: indicators.n,
          },
        },
        {
          suite: SUITE,
          name: 'create a dossier on 1M (due date, prefix, assisted filing, stats trigger), p99',
          unit: 'ms',
          value: round(create.p99, 3),
          detail: {
            p50: round(create.p50, 3),
            cpuP50: round(create.cpuP50, 3),
            cpuP99: round(create.cpuP99, 3),
            samples: create.n,
          },
          budget: { max: 5, label: '≤ 5 ms' },
        },
      ] satisfies BenchResult[];
    });
  },
};
