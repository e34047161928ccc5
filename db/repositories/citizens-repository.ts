import type { SqliteDatabase } from '../connection';

export interface CitizenRow {
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  address: string;
  issueDate: string | null;
}

export function createCitizensRepository(db: SqliteDatabase) {
  const upsert = db.prepare(
    `INSERT INTO citizens (id_number, old_id_number, full_name, date_of_birth, sex, address, issue_date,
       first_seen_at, updated_at)
     VALUES (@idNumber, @oldIdNumber, @fullName, @dateOfBirth, @sex, @address, @issueDate, @now, @now)
     ON CONFLICT (id_number) DO UPDATE SET
       old_id_number = coalesce(excluded.old_id_number, old_id_number),
       full_name = excluded.full_name, date_of_birth = excluded.date_of_birth, sex = excluded.sex,
       address = excluded.address, issue_date = coalesce(excluded.issue_date, issue_date),
       updated_at = excluded.updated_at`,
  );
  const byId = db.prepare<[string], CitizenRow>(
    `SELECT id_number AS idNumber, old_id_number AS oldIdNumber, full_name AS fullName,
       date_of_birth AS dateOfBirth, sex, address, issue_date AS issueDate
     FROM citizens WHERE id_number = ?`,
  );
  return {
    /** The card is the authority: a newer read replaces what we held (the address may have moved). */
    upsert: (citizen: CitizenRow, now: number): void => {
      upsert.run({ ...citizen, now });
    },
    get: (idNumber: string): CitizenRow | undefined => byId.get(idNumber),
  };
}
export type CitizensRepository = ReturnType<typeof createCitizensRepository>;

/** Bulk upsert in one transaction, for synthetic data. */
export function createCitizenBulkWriter(db: SqliteDatabase) {
  const repo = createCitizensRepository(db);
  return {
    upsertMany: db.transaction((citizens: CitizenRow[], now: number) => {
      for (const citizen of citizens) repo.upsert(citizen, now);
    }),
  };
}
