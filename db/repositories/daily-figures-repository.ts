import type { SqliteDatabase } from '../connection';

/** Figures of the dossiers received on each day (Asia/Ho_Chi_Minh) per procedure. */
export interface DossierDayFigures {
  day: string;
  procedure: string;
  receivedInPerson: number;
  receivedOnlineAssisted: number;
  receivedPostal: number;
  completed: number;
  completedOnTime: number;
}

/**
 * Counted by the day of receipt, so a late status change of an old dossier changes that old day
 * (and is re-sent), never today. "Completed" is done or returned; "on time" is completed no later
 * than the due time, or with no due time (the same rule as QĐ 766's đúng hạn).
 */
export function createDailyFiguresRepository(db: SqliteDatabase) {
  const figures = db.prepare<[string, string], DossierDayFigures>(
    `SELECT received_day AS day, procedure_key AS procedure,
       sum(channel = 'in_person') AS receivedInPerson,
       sum(channel = 'online_assisted') AS receivedOnlineAssisted,
       sum(channel = 'postal') AS receivedPostal,
       sum(status IN ('done', 'returned')) AS completed,
       sum(coalesce(status IN ('done', 'returned')
         AND (due_at IS NULL OR completed_at <= due_at), 0)) AS completedOnTime
     FROM dossiers WHERE received_day BETWEEN ? AND ?
     GROUP BY received_day, procedure_key`,
  );
  const days = db.prepare<[], { day: string }>(
    'SELECT DISTINCT received_day AS day FROM dossiers ORDER BY received_day',
  );
  return {
    dossierFigures: (fromDay: string, toDay: string): DossierDayFigures[] =>
      figures.all(fromDay, toDay),
    dossierDays: (): string[] => days.all().map((r) => r.day),
  };
}
export type DailyFiguresRepository = ReturnType<typeof createDailyFiguresRepository>;
