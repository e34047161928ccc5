import type { SqliteDatabase } from '../connection';

export interface CalendarDayRow {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** The office's holidays and swapped working days (weekends are implicit). */
export function createCalendarRepository(db: SqliteDatabase) {
  const all = db.prepare<[], CalendarDayRow>(
    'SELECT day, kind, name FROM calendar_days ORDER BY day',
  );
  const range = db.prepare<[string, string], CalendarDayRow>(
    'SELECT day, kind, name FROM calendar_days WHERE day BETWEEN ? AND ? ORDER BY day',
  );
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO calendar_days (day, kind, name, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name,
       updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM calendar_days WHERE day = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM calendar_days');
  return {
    all: (): CalendarDayRow[] => all.all(),
    range: (from: string, to: string): CalendarDayRow[] => range.all(from, to),
    set: (row: CalendarDayRow, now: number): void =>
      void upsert.run(row.day, row.kind, row.name, now),
    remove: (day: string): boolean => remove.run(day).changes > 0,
    isEmpty: (): boolean => count.get()!.n === 0,
    seed: db.transaction((rows: readonly CalendarDayRow[], now: number) => {
      for (const row of rows) upsert.run(row.day, row.kind, row.name, now);
    }),
  };
}
export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
