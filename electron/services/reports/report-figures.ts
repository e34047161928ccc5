/**
 * The figures of one report, taken from the functions every other screen uses — nothing is
 * counted here: dossier figures and rates from the indicators service (the dashboard's own
 * counters and QĐ 766 formulas), the trend and the overdue count from the dashboard itself,
 * digitization from `digitizationReport` (regulations.md §4). The report and the dashboard
 * therefore agree to the unit; tests/integration/reports proves it.
 */
import type { DigitizationRepository } from '../../../db/repositories/digitization-repository';
import type { ReportsRepository } from '../../../db/repositories/reports-repository';
import { AppError } from '../../api/errors';
import type {
  ReportFigures,
  ReportNote,
  ReportProcedure,
  ReportProfile,
} from '../../api/report-schemas';
import { rateOf, reportOfRows, summariesBy, totalsOf } from '../digitization/summaries';
import type { IndicatorsService } from '../indicators/indicators-service';
import type { ProceduresService } from '../procedures/procedures-service';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../shared/clock';
import { vnDay } from '../shared/vn-time';
import { buildCommentary } from './commentary';
import { checkReportPeriod, previousPeriod, trendMonths, type ReportPeriod } from './report-period';
import { viInteger } from './vi-format';

export interface FiguresDeps {
  indicators: IndicatorsService;
  digitization: DigitizationRepository;
  repo: ReportsRepository;
  procedures: ProceduresService;
  settings: SettingsService;
  clock: Clock;
}

/** Dossier counts of one period: the indicators service's own report (the dashboard's query). */
function indicatorsOf(deps: FiguresDeps, period: ReportPeriod) {
  return deps.indicators.report(
    { kind: 'range', label: period.shortLabel, from: period.from, to: period.to },
    {},
  );
}

function dataSources(intake: ReportProcedure['intake'], reused: number): string {
  const parts: string[] = [];
  if (intake.qr + intake.chip > 0)
    parts.push(
      `CSDLQG về dân cư qua thẻ căn cước (mã QR: ${viInteger(intake.qr)}; chip: ${viInteger(intake.chip)})`,
    );
  if (reused > 0) parts.push(`Kho dữ liệu số hóa (tái sử dụng: ${viInteger(reused)})`);
  return parts.length > 0 ? parts.join('; ') : '—';
}

export function buildReportFigures(
  deps: FiguresDeps,
  period: ReportPeriod,
  profile: ReportProfile,
  notes: readonly ReportNote[],
): ReportFigures {
  const now = deps.clock.now();
  const { partial } = checkReportPeriod(period, vnDay(now));
  const previous = previousPeriod(period);
  const months = trendMonths(period);
  const dashboard = deps.indicators.dashboard({
    period: period.kind === 'year' ? period.from.slice(0, 4) : period.to.slice(0, 7),
  });
  // Digitization: the summaries' own counts, summed over each period per procedure.
  const digitizationOf = (p: ReportPeriod) =>
    reportOfRows(p.from, p.to, summariesBy(deps.digitization, p.from, p.to, 'period'));
  const cur = { indicators: indicatorsOf(deps, period), digitization: digitizationOf(period) };
  const prev = { indicators: indicatorsOf(deps, previous), digitization: digitizationOf(previous) };
  const activity = cur.digitization.totals;
  if (
    cur.indicators.totals.received === 0 &&
    activity.completed === 0 &&
    activity.componentDocuments + activity.resultDocuments + activity.reusedDocuments === 0
  ) {
    throw new AppError('REPORT_PERIOD_EMPTY', { period: period.spec });
  }

  const byProcedure = new Map<string, typeof cur.digitization.days>();
  for (const day of cur.digitization.days) {
    const list = byProcedure.get(day.procedureKey) ?? [];
    list.push(day);
    byProcedure.set(day.procedureKey, list);
  }
  const previousReceived = new Map(
    prev.indicators.procedures.map((p) => [p.key, p.received] as const),
  );
  const withTemplate = profile.sections.includes('deAn06');
  const intake = new Map(
    (withTemplate ? deps.repo.intakeCounts(period.from, period.to) : []).map((r) => [
      r.procedureKey,
      r,
    ]),
  );
  const note = (key: string, field: ReportNote['field']) =>
    notes.find((n) => n.procedureKey === key && n.field === field)?.text ?? '';
  const seqOf = new Map(deps.procedures.list().map((p) => [p.key, p.seq] as const));

  const procedures: ReportProcedure[] = cur.indicators.procedures.map((row) => {
    const digitization = totalsOf(byProcedure.get(row.key) ?? []);
    const counts = intake.get(row.key);
    const sources = { qr: counts?.qr ?? 0, chip: counts?.chip ?? 0, manual: counts?.manual ?? 0 };
    const served = row.received - row.cancelled;
    return {
      key: row.key,
      seq: seqOf.get(row.key) ?? 0,
      name: row.name,
      indicators: row,
      digitization,
      previousReceived: previousReceived.get(row.key) ?? 0,
      intake: sources,
      dataSources: withTemplate ? dataSources(sources, digitization.reusedDocuments) : '',
      // Editable (the manager's text wins); the beneficiaries cell starts from the files served.
      beneficiaries:
        note(row.key, 'beneficiaries') ||
        (served > 0 ? `${viInteger(served)} lượt người dân, tổ chức` : '—'),
      problems: note(row.key, 'problems'),
      solutions: note(row.key, 'solutions'),
    };
  });

  // Trend: the dashboard's own twelve months, with the components rate of the same months.
  const byMonth = summariesBy(deps.digitization, `${months[0]}-01`, dashboard.period.to, 'month');
  const trend = dashboard.months.map((point) => {
    const t = totalsOf(byMonth.filter((d) => d.day === point.month));
    return { ...point, componentsRate: rateOf(t.receivedWithComponents, t.received).percent };
  });

  const overdueRows = cur.indicators.procedures
    .filter((p) => p.openOverdue > 0)
    .sort((a, b) => b.openOverdue - a.openOverdue)
    .map((p) => ({ key: p.key, name: p.name, count: p.openOverdue }));
  const office = deps.settings.getOffice();
  const inputs: Omit<ReportFigures, 'commentary'> = {
    profile: { id: profile.id, name: profile.name },
    office: {
      name: profile.issuer || office?.officeName || 'Bộ phận Một cửa',
      place: office?.place ?? '',
    },
    asOf: new Date(now).toISOString(),
    partial,
    current: {
      period,
      totals: cur.indicators.totals,
      digitization: cur.digitization.totals,
      digitizationRates: cur.digitization.rates,
    },
    previous: {
      period: previous,
      totals: prev.indicators.totals,
      digitization: prev.digitization.totals,
      digitizationRates: prev.digitization.rates,
    },
    procedures,
    trend,
    overdue: {
      now: dashboard.alerts.overdueCount,
      inPeriod: cur.indicators.totals.openOverdue,
      byProcedure: overdueRows,
    },
  };
  return { ...inputs, commentary: buildCommentary(inputs) };
}
