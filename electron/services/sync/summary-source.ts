/**
 * Where the daily summary figures come from: a list of providers, each owning some fields, merged
 * into full rows keyed by (day in Asia/Ho_Chi_Minh, procedure). This is the seam the procedures
 * (issue 4) and digitization (issue 5) work plugs into: a provider per source table.
 */
import type { DailyFiguresRepository } from '../../../db/repositories/daily-figures-repository';
import {
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

/** Received by channel, completed and on time, from the foundation's `dossiers` table. */
export function dossierFiguresProvider(repo: DailyFiguresRepository): SummaryFigureProvider {
  return {
    name: 'dossiers',
    fields: [
      'receivedInPerson',
      'receivedOnlineAssisted',
      'receivedPostal',
      'completed',
      'completedOnTime',
    ],
    figures: (fromDay, toDay) => repo.dossierFigures(fromDay, toDay),
    days: () => repo.dossierDays(),
  };
}

/**
 * PENDING ISSUE 4 — assisted online filing outcomes (submitted / failed). The dossier lifecycle
 * columns (`assisted_outcome`) do not exist on this branch; until they are merged this provider
 * reports no figures, so these fields are 0. Replace with a query on `dossiers.assisted_outcome`
 * grouped by received_day (or on issue 4's `dossier_daily_stats`) at merge.
 */
export function assistedFilingFiguresProviderPendingIssue4(): SummaryFigureProvider {
  return {
    name: 'assisted-filings (pending issue 4)',
    fields: ['assistedSubmitted', 'assistedFailed'],
    figures: () => [],
    days: () => [],
  };
}

/**
 * PENDING ISSUE 5 — digitized components, digitized results, reused components and pages. The
 * append-only `digitization_log` does not exist on this branch; until it is merged this provider
 * reports no figures, so these fields are 0. Replace with a GROUP BY day, procedure_key over
 * `digitization_log` at merge, and add a trigger on it that inserts into `sync_dirty` (as 0005
 * does for `dossiers`) so a new digitization re-sends its day.
 */
export function digitizationFiguresProviderPendingIssue5(): SummaryFigureProvider {
  return {
    name: 'digitization (pending issue 5)',
    fields: ['digitizedComponents', 'digitizedResults', 'reused', 'pages'],
    figures: () => [],
    days: () => [],
  };
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
          const key = `${figures.day}\u0000${figures.procedure}`;
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
