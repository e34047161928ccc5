import type { SqliteDatabase } from '../connection';

export interface AutofillTemplateRow {
  id: string;
  name: string;
  /** The validated template body (everything but id, name and bookkeeping), as JSON text. */
  definition: string;
  builtin: boolean;
  updatedAt: number;
}

interface RawRow {
  id: string;
  name: string;
  definition: string;
  builtin: number;
  updatedAt: number;
}

const COLUMNS = 'id, name, definition, builtin, updated_at AS updatedAt';
const toRow = (raw: RawRow): AutofillTemplateRow => ({ ...raw, builtin: raw.builtin === 1 });

export function createAutofillTemplatesRepository(db: SqliteDatabase) {
  const list = db.prepare<[], RawRow>(`SELECT ${COLUMNS} FROM autofill_templates ORDER BY name`);
  const byId = db.prepare<[string], RawRow>(
    `SELECT ${COLUMNS} FROM autofill_templates WHERE id = ?`,
  );
  const byName = db.prepare<[string], RawRow>(
    `SELECT ${COLUMNS} FROM autofill_templates WHERE name = ?`,
  );
  const upsert = db.prepare(
    `INSERT INTO autofill_templates (id, name, definition, builtin, created_at, updated_at)
     VALUES (@id, @name, @definition, @builtin, @now, @now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, definition = excluded.definition,
       updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM autofill_templates WHERE id = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM autofill_templates');

  const save = (row: Omit<AutofillTemplateRow, 'updatedAt'>, now: number): void => {
    upsert.run({ ...row, builtin: row.builtin ? 1 : 0, now });
  };
  return {
    list: (): AutofillTemplateRow[] => list.all().map(toRow),
    get: (id: string): AutofillTemplateRow | undefined => {
      const raw = byId.get(id);
      return raw && toRow(raw);
    },
    getByName: (name: string): AutofillTemplateRow | undefined => {
      const raw = byName.get(name);
      return raw && toRow(raw);
    },
    save,
    /** Several templates in one transaction: an import lands whole or not at all. */
    saveAll: db.transaction((rows: Omit<AutofillTemplateRow, 'updatedAt'>[], now: number) => {
      for (const row of rows) save(row, now);
    }),
    delete: (id: string): boolean => remove.run(id).changes > 0,
    count: (): number => count.get()!.n,
  };
}
export type AutofillTemplatesRepository = ReturnType<typeof createAutofillTemplatesRepository>;
