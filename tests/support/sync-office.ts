/**
 * A workstation for sync tests: real services on a temp data dir, with synthetic dossiers written
 * through the bulk writer (the same path `demo seed` uses) so their figures are real rows.
 */
import {
  createDossierBulkWriter,
  formatDossierCode,
  type SeededDossierRow,
} from '../../db/repositories/dossiers-repository';
import { createProceduresRepository } from '../../db/repositories/procedures-repository';
import { createRandom } from '../../electron/services/demo/synthetic-citizens';
import { vnDayStart, yymmdd } from '../../electron/services/shared/vn-time';
import { openTestServices, TEST_NOW } from './services';

export type TestOffice = ReturnType<typeof openTestServices> & { agencyCode: string };

export async function openTestOffice(
  dataDir: string,
  agencyCode = '000.00.15.H33',
  now = TEST_NOW,
): Promise<TestOffice> {
  const office = openTestServices(dataDir, now);
  const result = await office.dispatcher.dispatch('settings.updateOffice', {
    officeName: `Văn phòng ${agencyCode}`,
    adminUnitCode: '06658',
    agencyCode,
    place: 'Hạ Long',
  });
  if (!result.ok) throw new Error(result.error.code);
  return { ...office, agencyCode };
}

/** A small deterministic PRNG (mulberry32) so a failing run can be replayed. */
export const seededRandom = createRandom;

const CHANNELS = ['in_person', 'online_assisted', 'postal'] as const;
const STATUSES = ['received', 'processing', 'done', 'done', 'returned', 'cancelled'] as const;

/**
 * Dossiers on `days` consecutive days ending at `lastDay`, for every catalogue procedure, with
 * random channels and statuses: about `days × 25` summary rows.
 */
export function seedDossiers(
  office: TestOffice,
  options: {
    lastDay: string;
    days: number;
    perRow?: [number, number];
    seed?: number;
    citizen?: string | null;
  },
): number {
  const random = seededRandom(options.seed ?? 7);
  const { db } = office.services.database;
  const procedures = createProceduresRepository(db)
    .list()
    .map((p) => p.key);
  const writer = createDossierBulkWriter(db);
  const [lo, hi] = options.perRow ?? [1, 3];
  const rows: SeededDossierRow[] = [];
  const last = vnDayStart(options.lastDay);
  for (let d = options.days - 1; d >= 0; d--) {
    const dayStart = last - d * 86_400_000;
    const day = new Date(dayStart + 7 * 3600_000).toISOString().slice(0, 10);
    const codeDay = yymmdd(day);
    let sequence = writer.lastSequence(office.agencyCode, codeDay);
    for (const procedureKey of procedures) {
      const n = lo + Math.floor(random() * (hi - lo + 1));
      for (let i = 0; i < n; i++) {
        sequence += 1;
        const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
        const receivedAt = dayStart + 8 * 3600_000 + Math.floor(random() * 8 * 3600_000);
        const due = random() < 0.7 ? receivedAt + 3 * 86_400_000 : null;
        rows.push({
          code: formatDossierCode(office.agencyCode, codeDay, sequence),
          agencyCode: office.agencyCode,
          codeDay,
          sequence,
          procedureKey,
          citizenIdNumber: options.citizen ?? null,
          channel: CHANNELS[Math.floor(random() * 3)]!,
          status,
          receivedAt,
          receivedDay: day,
          dueAt: due,
          completedAt:
            status === 'done' || status === 'returned'
              ? receivedAt + Math.floor(random() * 5 * 86_400_000)
              : null,
          note: '',
          createdBy: 'test',
        });
      }
    }
  }
  writer.insertMany(rows);
  return rows.length;
}
