/**
 * `demo seed --days N`: a realistic history for screenshots and benchmarks — office hours,
 * weekdays busier than Saturdays, no Sundays, the common procedures far more frequent, most old
 * dossiers completed, recent ones still in progress.
 */
import type { SqliteDatabase } from '../../../db/connection';
import {
  createCitizenBulkWriter,
  type CitizenRow,
} from '../../../db/repositories/citizens-repository';
import {
  createDossierBulkWriter,
  formatDossierCode,
  type SeededDossierRow,
} from '../../../db/repositories/dossiers-repository';
import type { ProcedureRow } from '../../../db/repositories/procedures-repository';
import { vnDay, vnDayStart, yymmdd } from '../shared/vn-time';
import { createRandom, syntheticCitizen } from './synthetic-citizens';

export interface DemoSeedOptions {
  days: number;
  /** Average dossiers on a weekday; Saturdays get ~40 % of it, Sundays none. */
  perWeekday: number;
  agencyCode: string;
  procedures: ProcedureRow[];
  now: number;
  seed?: number;
  onProgress?: (daysDone: number, dossiers: number) => void;
}

export interface DemoSeedResult {
  days: number;
  dossiers: number;
  citizens: number;
  from: string;
  to: string;
}

/** Relative frequency by procedure key: residence and civil status dominate a commune's desk. */
const WEIGHTS: Readonly<Record<string, number>> = {
  'dang-ky-thuong-tru': 14,
  'dang-ky-tam-tru': 12,
  'khai-bao-tam-vang': 4,
  'thong-bao-luu-tru': 6,
  'dang-ky-khai-sinh': 10,
  'dang-ky-khai-tu': 4,
  'dang-ky-ket-hon': 5,
  'lien-thong-khai-sinh': 8,
  'lien-thong-khai-tu': 3,
  'cap-doi-cap-lai-the-can-cuoc': 8,
  'cap-phieu-ly-lich-tu-phap': 6,
  'cap-doi-cap-lai-gplx': 5,
  'dang-ky-xe-mo-to': 5,
};

const OFFICE_MINUTES: readonly [number, number][] = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];

function weightedPicker(procedures: ProcedureRow[], random: () => number): () => string {
  const keys = procedures.map((p) => p.key);
  const cumulative: number[] = [];
  let total = 0;
  for (const key of keys) cumulative.push((total += WEIGHTS[key] ?? 1));
  return () => {
    const r = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return keys[lo]!;
  };
}

function officeTime(dayStart: number, random: () => number): number {
  const [from, to] = random() < 0.6 ? OFFICE_MINUTES[0]! : OFFICE_MINUTES[1]!;
  return dayStart + Math.floor((from + random() * (to - from)) * 60_000);
}

export function seedDemoData(db: SqliteDatabase, options: DemoSeedOptions): DemoSeedResult {
  const random = createRandom(options.seed ?? 6);
  const today = vnDay(options.now);
  const pickProcedure = weightedPicker(options.procedures, random);
  const dossierWriter = createDossierBulkWriter(db);
  const citizenWriter = createCitizenBulkWriter(db);
  const expected = Math.ceil(options.days * options.perWeekday * (5.4 / 7));
  const poolSize = Math.max(50, Math.min(999_999, Math.ceil(expected / 2.5)));
  const citizens: CitizenRow[] = [];
  for (let i = 0; i < poolSize; i++) citizens.push(syntheticCitizen(random, i, today));
  citizenWriter.upsertMany(citizens, options.now);

  const firstDayStart = vnDayStart(today) - (options.days - 1) * 86_400_000;
  let total = 0;
  let batch: SeededDossierRow[] = [];
  for (let d = 0; d < options.days; d++) {
    const dayStart = firstDayStart + d * 86_400_000;
    const day = vnDay(dayStart);
    const weekday = new Date(dayStart + 7 * 3600_000).getUTCDay();
    if (weekday === 0) continue;
    const mean = weekday === 6 ? options.perWeekday * 0.4 : options.perWeekday;
    const count = Math.max(0, Math.round(mean * (0.8 + random() * 0.4)));
    const ageDays = options.days - 1 - d;
    const codeDay = yymmdd(day);
    let sequence = dossierWriter.lastSequence(options.agencyCode, codeDay);
    const times = Array.from({ length: count }, () => officeTime(dayStart, random))
      .filter((t) => t <= options.now)
      .sort((a, b) => a - b);
    for (const receivedAt of times) {
      sequence += 1;
      const r = random();
      const status =
        ageDays > 10
          ? r < 0.92
            ? 'done'
            : r < 0.95
              ? 'returned'
              : r < 0.97
                ? 'cancelled'
                : 'processing'
          : r < 0.3
            ? 'received'
            : r < 0.7
              ? 'processing'
              : 'done';
      const channelRoll = random();
      batch.push({
        code: formatDossierCode(options.agencyCode, codeDay, sequence),
        agencyCode: options.agencyCode,
        codeDay,
        sequence,
        procedureKey: pickProcedure(),
        citizenIdNumber: citizens[Math.floor(random() * citizens.length)]!.idNumber,
        channel:
          channelRoll < 0.55 ? 'in_person' : channelRoll < 0.95 ? 'online_assisted' : 'postal',
        status,
        receivedAt,
        receivedDay: day,
        dueAt: null,
        completedAt:
          status === 'done'
            ? Math.min(options.now, receivedAt + (1 + Math.floor(random() * 5)) * 86_400_000)
            : null,
        note: '',
        createdBy: 'demo',
      });
    }
    total += times.length;
    if (batch.length >= 50_000) {
      dossierWriter.insertMany(batch);
      batch = [];
      options.onProgress?.(d + 1, total);
    }
  }
  dossierWriter.insertMany(batch);
  options.onProgress?.(options.days, total);
  return {
    days: options.days,
    dossiers: total,
    citizens: poolSize,
    from: vnDay(firstDayStart),
    to: today,
  };
}
