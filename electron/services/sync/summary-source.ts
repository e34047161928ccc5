/**
 * Where the daily summary figures come from: a list of providers, each owning some fields, merged
 * into full rows keyed by (day in Asia/Ho_Chi_Minh, procedure). This is the seam the procedures
 * (issue 4) and digitization (issue 5) work plugs into: a provider per source table.
 */
import type { SqliteDatabase } from '../../../db/connection';
import {
  createDigitizationRepository,
  type DigitizationRepository,
} from '../../../db/repositories/digitization-repository';
import {
  createDossierStatsRepository,
  type DossierStatsRepository,
} from '../../../db/repositories/dossier-stats-repository';
import {
  keyOf,
  SUMMARY_FIELDS,
  zeroCounts,
  type SummaryCounts,
  type SummaryField,
  type SummaryKey,
} from '../../../native/sync/summary-row';

export type ProviderFigures = SummaryKey & Partial<SummaryCounts>;

export interface SummaryFigureProvider {
  readonly name: string;
  readonly fields: readonly SummaryField[];
  /** Figures of every (day, procedure) with data between the two days, inclusive. */
  figures(fromDay: string, toDay: string): ProviderFigures[];
  /** Every day this provider has data for (full reconciliation). */
  days(): string[];
}

export interface DailySummaryData extends SummaryKey {
  counts: SummaryCounts;
}

export interface DailySummarySource {
  /** Full rows for every (day, procedure) with any figure between the two days, inclusive. */
  rows(fromDay: string, toDay: string): DailySummaryData[];
  days(): string[];
}

/**
 * Received by channel, completed, on time and assisted-filing outcomes, from the trigger-kept
 * `dossier_daily_stats` (migration 0003) — the same counters the dashboard, the indicators and the
 * reports read, so the hub sees exactly the office's own figures. Counted by day of receipt: a late
 * status change of an old dossier changes (and re-sends) that old day.
 */
export function dossierFiguresProvider(stats: DossierStatsRepository): SummaryFigureProvider {
  return {
    name: 'dossiers',
    fields: [
      'receivedInPerson',
      'receivedOnlineAssisted',
      'receivedPostal',
      'completed',
      'completedOnTime',
      'assistedSubmitted',
      'assistedFailed',
    ],
    figures: (fromDay, toDay) =>
      stats.counts(fromDay, toDay, 'day').map((row) => ({
        day: row.bucket,
        procedure: row.procedureKey,
        receivedInPerson: row.inPerson,
        receivedOnlineAssisted: row.onlineAssisted,
        receivedPostal: row.postal,
        // "Completed" = a result was returned to the citizen: done or returned (QĐ 766 đã giải quyết).
        completed: row.done + row.returned,
        completedOnTime: row.finishedOnTime,
        assistedSubmitted: row.assistedSubmitted,
        assistedFailed: row.assistedFailed,
      })),
    days: () => stats.days(),
  };
}

/**
 * Digitized components, digitized results, reused components (documents) and scanned pages, from
 * the append-only `digitization_log` (migration 0004), by the day the work was done. Pages are the
 * sides scanned here (components and results); a reused document was scanned before.
 */
export function digitizationFiguresProvider(log: DigitizationRepository): SummaryFigureProvider {
  return {
    name: 'digitization',
    fields: ['digitizedComponents', 'digitizedResults', 'reused', 'pages'],
    figures: (fromDay, toDay) =>
      log.logActivity(fromDay, toDay).map((row) => ({
        day: row.day,
        procedure: row.procedureKey,
        digitizedComponents: row.componentDocuments,
        digitizedResults: row.resultDocuments,
        reused: row.reusedDocuments,
        pages: row.componentPages + row.resultPages,
      })),
    days: () => log.logDays(),
  };
}

/** The office's providers: every summary field has exactly one source table. */
export function officeSummaryProviders(db: SqliteDatabase): SummaryFigureProvider[] {
  return [
    dossierFiguresProvider(createDossierStatsRepository(db)),
    digitizationFiguresProvider(createDigitizationRepository(db)),
  ];
}

/** Merges the providers; a field no provider owns is an error at start-up, not a silent 0. */
export function createDailySummarySource(providers: SummaryFigureProvider[]): DailySummarySource {
  const owners = new Map<SummaryField, string>();
  for (const p of providers) {
    for (const f of p.fields) {
      const previous = owners.get(f);
      if (previous) throw new Error(`Summary field ${f} has two providers: ${previous}, ${p.name}`);
      owners.set(f, p.name);
    }
  }
  const missing = SUMMARY_FIELDS.filter((f) => !owners.has(f));
  if (missing.length > 0) throw new Error(`Summary fields without a provider: ${missing}`);

  return {
    rows(fromDay, toDay) {
      const merged = new Map<string, DailySummaryData>();
      for (const provider of providers) {
        for (const figures of provider.figures(fromDay, toDay)) {
          const key = keyOf(figures);
          let row = merged.get(key);
          if (!row) {
            row = { day: figures.day, procedure: figures.procedure, counts: zeroCounts() };
            merged.set(key, row);
          }
          for (const f of provider.fields) row.counts[f] = Number(figures[f] ?? 0);
        }
      }
      return [...merged.values()];
    },
    days() {
      const all = new Set<string>();
      for (const p of providers) for (const d of p.days()) all.add(d);
      return [...all].sort();
    },
  };
}
