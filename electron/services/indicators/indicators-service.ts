import type { DossierStatsRepository } from '../../../db/repositories/dossier-stats-repository';
import type { DossiersRepository } from '../../../db/repositories/dossiers-repository';
import type { Dashboard, DossierAlert, IndicatorReport } from '../../api/calls/indicators';
import type { ProcedureSummary } from '../../api/calls/procedures';
import type { Handlers } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import type { ProcedureGroup } from '../../api/schemas';
import type { DeskSettings } from '../dossiers/desk-settings';
import { periodRange } from '../dossiers/dossiers-service';
import type { ProceduresService } from '../procedures/procedures-service';
import type { Clock } from '../shared/clock';
import { vnDay } from '../shared/vn-time';
import { addCounters, emptyCounters, indicatorRow, type Counters } from './indicator-math';

export interface Period {
  kind: 'month' | 'year' | 'range';
  label: string;
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const ALERT_LIMIT = 50;

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

const vnDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** YYYY-MM, YYYY, or from/to days (checked: real dates, in order, at most ten years). */
export function resolvePeriod(
  input: { period?: string; month?: string; from?: string; to?: string },
  today: string,
): Period {
  const spec = input.period ?? input.month;
  let period: Period;
  if (spec && /^\d{4}-\d{2}$/.test(spec)) {
    period = {
      kind: 'month',
      label: `${spec.slice(5)}/${spec.slice(0, 4)}`,
      from: `${spec}-01`,
      to: lastDayOfMonth(spec),
    };
  } else if (spec && /^\d{4}$/.test(spec)) {
    period = { kind: 'year', label: spec, from: `${spec}-01-01`, to: `${spec}-12-31` };
  } else if (input.from || input.to) {
    const from = input.from ?? input.to!;
    const to = input.to ?? today;
    period = { kind: 'range', label: `${vnDate(from)} – ${vnDate(to)}`, from, to };
  } else {
    const month = today.slice(0, 7);
    period = {
      kind: 'month',
      label: `${month.slice(5)}/${month.slice(0, 4)}`,
      from: `${month}-01`,
      to: lastDayOfMonth(month),
    };
  }
  periodRange(period.from, period.to);
  return period;
}

export interface IndicatorsDeps {
  stats: DossierStatsRepository;
  dossiers: DossiersRepository;
  procedures: ProceduresService;
  desk: DeskSettings;
  clock: Clock;
}

interface Selection {
  procedureKey?: string | undefined;
  group?: ProcedureGroup | undefined;
  owner?: string | undefined;
}

export function createIndicatorsService(deps: IndicatorsDeps) {
  function select(
    filter: Selection,
    everything = deps.procedures.list(),
  ): { procedures: ProcedureSummary[]; all: boolean } {
    let procedures = everything;
    if (filter.procedureKey) {
      const wanted = deps.procedures.resolve(filter.procedureKey).key;
      procedures = procedures.filter((p) => p.key === wanted);
    }
    if (filter.group) procedures = procedures.filter((p) => p.group === filter.group);
    if (filter.owner) procedures = procedures.filter((p) => p.ownerAgency === filter.owner);
    return { procedures, all: !filter.procedureKey && !filter.group && !filter.owner };
  }

  /** Counters per procedure and bucket, open files split at `asOf` (the one query all share). */
  function countersBy(from: string, to: string, asOf: number, granularity: 'month' | 'period') {
    const result = new Map<string, Map<string, Counters>>();
    const slot = (key: string, bucket: string) => {
      let byBucket = result.get(key);
      if (!byBucket) result.set(key, (byBucket = new Map()));
      let counters = byBucket.get(bucket);
      if (!counters) byBucket.set(bucket, (counters = emptyCounters()));
      return counters;
    };
    for (const row of deps.stats.counts(from, to, granularity))
      addCounters(slot(row.procedureKey, row.bucket), row);
    for (const row of deps.stats.open(from, to, asOf, granularity)) {
      slot(row.procedureKey, row.bucket).openOverdue += row.overdue;
    }
    return result;
  }

  function report(period: Period, filter: Selection): IndicatorReport {
    const asOf = deps.clock.now();
    const { procedures, all } = select(filter);
    const counters = countersBy(period.from, period.to, asOf, 'period');
    const rows = procedures.map((p) =>
      indicatorRow(p.key, p.name, counters.get(p.key)?.get('') ?? emptyCounters()),
    );
    const keys = all ? [...counters.keys()] : procedures.map((p) => p.key);
    const totals = emptyCounters();
    for (const key of keys) addCounters(totals, counters.get(key)?.get('') ?? {});
    return {
      period,
      asOf: new Date(asOf).toISOString(),
      totals: indicatorRow('*', 'Tổng cộng', totals),
      procedures: rows,
    };
  }

  function alerts(keys: readonly string[] | null, now: number, stuckAfterDays: number) {
    const base = { fromMs: 0, toMs: now, procedureKeys: keys, open: true } as const;
    const idleSince = now - stuckAfterDays * DAY_MS;
    const overdueFilter = { ...base, dueBefore: now, order: 'most_overdue' as const };
    const stuckFilter = { ...base, idleSince, order: 'longest_idle' as const };
    const overdue = deps.dossiers.list(overdueFilter, ALERT_LIMIT, null);
    const stuck = deps.dossiers.list(stuckFilter, ALERT_LIMIT, null);
    const seen = new Set<string>();
    const items: DossierAlert[] = [];
    for (const row of [...overdue, ...stuck]) {
      if (seen.has(row.code) || items.length >= ALERT_LIMIT) continue;
      seen.add(row.code);
      const isOverdue = row.dueAt !== null && row.dueAt < now;
      items.push({
        code: row.code,
        procedureKey: row.procedureKey,
        procedureName: row.procedureName,
        status: row.status,
        receivedAt: new Date(row.receivedAt).toISOString(),
        dueAt: row.dueAt === null ? null : new Date(row.dueAt).toISOString(),
        statusChangedAt: new Date(row.statusChangedAt).toISOString(),
        overdue: isOverdue,
        stuck: row.statusChangedAt < idleSince,
        overdueDays: isOverdue ? Math.ceil((now - row.dueAt!) / DAY_MS) : null,
        idleDays: Math.floor((now - row.statusChangedAt) / DAY_MS),
      });
    }
    return {
      overdueCount: deps.dossiers.count(overdueFilter),
      stuckCount: deps.dossiers.count(stuckFilter),
      items,
    };
  }

  function dashboard(input: {
    period: string;
    group?: ProcedureGroup | undefined;
    owner?: string | undefined;
  }): Dashboard {
    const now = deps.clock.now();
    const period = resolvePeriod({ period: input.period }, vnDay(now));
    const { stuckAfterDays } = deps.desk.get();
    const everything = deps.procedures.list();
    const { procedures, all } = select(input, everything);
    // Trend: the twelve months ending with a month period, or the twelve months of a year.
    const lastMonth = period.to.slice(0, 7);
    const months = Array.from({ length: 12 }, (_, i) => shiftMonth(lastMonth, i - 11));
    const counters = countersBy(`${months[0]}-01`, period.to, now, 'month');
    const inPeriod = (month: string) => month >= period.from.slice(0, 7) && month <= lastMonth;
    const sum = (key: string, which: (month: string) => boolean) => {
      const total = emptyCounters();
      for (const [month, c] of counters.get(key) ?? []) if (which(month)) addCounters(total, c);
      return total;
    };
    const point = (month: string, c: Counters) => {
      const row = indicatorRow('', '', c);
      return {
        month,
        received: c.received,
        inPerson: c.inPerson,
        onlineAssisted: c.onlineAssisted,
        postal: c.postal,
        onTimeRate: row.onTimeRate,
      };
    };
    const keys = all ? [...counters.keys()] : procedures.map((p) => p.key);
    const totals = emptyCounters();
    for (const key of keys) addCounters(totals, sum(key, inPeriod));
    return {
      period,
      asOf: new Date(now).toISOString(),
      stuckAfterDays,
      totals: indicatorRow('*', 'Tổng cộng', totals),
      months: months.map((month) => {
        const c = emptyCounters();
        for (const key of keys) addCounters(c, counters.get(key)?.get(month) ?? {});
        return point(month, c);
      }),
      procedures: procedures.map((p) => ({
        key: p.key,
        seq: p.seq,
        name: p.name,
        group: p.group,
        ownerAgency: p.ownerAgency,
        currentLevel: p.currentLevel,
        targetLevel: p.targetLevel,
        deadline: p.deadline,
        status: p.status,
        indicators: indicatorRow(p.key, p.name, sum(p.key, inPeriod)),
        trend: months.map((month) =>
          point(month, counters.get(p.key)?.get(month) ?? emptyCounters()),
        ),
      })),
      alerts: alerts(all ? null : procedures.map((p) => p.key), now, stuckAfterDays),
      owners: [...new Set(everything.map((p) => p.ownerAgency))].sort((a, b) =>
        a.localeCompare(b, 'vi'),
      ),
    };
  }

  return {
    report,
    dashboard,
    resolvePeriod: (input: { month?: string; from?: string; to?: string }) =>
      resolvePeriod(input, vnDay(deps.clock.now())),
  };
}
export type IndicatorsService = ReturnType<typeof createIndicatorsService>;

export function createIndicatorsHandlers(
  service: IndicatorsService,
): Pick<Handlers, 'indicators.compute' | 'dashboard.get'> {
  return {
    'indicators.compute': (input) => {
      if (input.month && (input.from || input.to))
        throw new AppError('PERIOD_INVALID', { reason: 'month with from/to' });
      return service.report(service.resolvePeriod(input), input);
    },
    'dashboard.get': (input) => service.dashboard(input),
  };
}
