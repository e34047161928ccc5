/**
 * `demo seed --days N`: a realistic history for screenshots and benchmarks, consistent with the
 * lifecycle the app enforces — office hours, weekdays busier than Saturdays, no Sundays or
 * holidays, the common procedures far more frequent, due dates in working days from each
 * procedure's processing time, most files finished on time, a few late, returned, cancelled or
 * stuck, online filing growing over the years and, from 1/10/2025 (Chỉ thị 24/CT-TTg), every file
 * of the 25 services filed online with the desk's help (some filings failing, with a reason).
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
import type { LevelHistoryRow, ProcedureRow } from '../../../db/repositories/procedures-repository';
import { computeDueDate, type WorkCalendar } from '../dossiers/working-days';
import { levelOn } from '../procedures/service-levels';
import { vnDay, vnDayStart, yymmdd } from '../shared/vn-time';
import { createRandom, pick, syntheticCitizen } from './synthetic-citizens';

export interface DemoSeedOptions {
  days: number;
  /** Average dossiers on a weekday; Saturdays get ~40 % of it, Sundays and holidays none. */
  perWeekday: number;
  agencyCode: string;
  procedures: ProcedureRow[];
  history: LevelHistoryRow[];
  calendar: WorkCalendar;
  now: number;
  seed?: number;
  onProgress?: (daysDone: number, dossiers: number) => void;
  /** Called with each batch once its dossiers are stored (digitization history hangs off them). */
  onBatch?: (rows: readonly SeededDossierRow[]) => void;
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

/** Procedures whose applicant is usually an organisation (seals, business power supply). */
const ORGANIZATION_SHARE: Readonly<Record<string, number>> = {
  'con-dau-moi': 1,
  'con-dau-thu-nho-noi-xi': 1,
  'cap-dien-moi-ha-ap': 0.3,
  'thay-doi-chu-the-hop-dong-dien': 0.3,
};

/** Chỉ thị 24/CT-TTg: from this day the 25 services take no paper; the desk assists online. */
export const ONLINE_ONLY_FROM = '2025-10-01';
const RAMP_FROM = Date.parse('2021-01-01T00:00:00Z');
const RAMP_TO = Date.parse('2025-10-01T00:00:00Z');

const FAILURE_REASONS = [
  'Tài khoản VNeID của công dân chưa định danh mức 2',
  'Cổng DVCQG lỗi kết nối, không nộp được',
  'Thiếu giấy chứng sinh điện tử có chữ ký số',
  'Công dân không nhận được mã OTP',
  'Tệp đính kèm quá dung lượng, tải lên không thành công',
];

const OFFICE_MINUTES: readonly [number, number][] = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];
const HOUR = 3600_000;
const DAY = 86_400_000;

function weightedPicker(procedures: ProcedureRow[], random: () => number): () => ProcedureRow {
  const cumulative: number[] = [];
  let total = 0;
  for (const p of procedures) cumulative.push((total += WEIGHTS[p.key] ?? 1));
  return () => {
    const r = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return procedures[lo]!;
  };
}

function officeTime(dayStart: number, random: () => number): number {
  const [from, to] = random() < 0.6 ? OFFICE_MINUTES[0]! : OFFICE_MINUTES[1]!;
  return dayStart + Math.floor((from + random() * (to - from)) * 60_000);
}

/** Share of files filed online with the desk's help: 10 % in 2021, 60 % by 9/2025, then all. */
function onlineShare(day: string, dayStart: number): number {
  if (day >= ONLINE_ONLY_FROM) return 1;
  const t = Math.min(1, Math.max(0, (dayStart - RAMP_FROM) / (RAMP_TO - RAMP_FROM)));
  return 0.1 + 0.5 * t;
}

type Lifecycle = Pick<
  SeededDossierRow,
  'status' | 'processingAt' | 'completedAt' | 'statusChangedAt' | 'statusNote'
>;

/** Where a file received at `t`, due at `due`, stands at `now`. */
function lifecycle(t: number, due: number, now: number, random: () => number): Lifecycle {
  const processingAt = t + Math.floor((0.2 + random() * 3.8) * HOUR);
  const r = random();
  // A handful of files of the last months silently stall (regulations.md §6: "stuck dossiers");
  // older ones have long been chased and closed.
  if (r < 0.001 && now - t > 20 * DAY && now - t < 150 * DAY) {
    return {
      status: 'processing',
      processingAt,
      completedAt: null,
      statusChangedAt: processingAt,
      statusNote: '',
    };
  }
  let status: 'done' | 'returned' | 'cancelled' = 'done';
  let finish: number;
  let statusNote = '';
  if (r < 0.02) {
    status = 'cancelled';
    statusNote = 'Công dân rút hồ sơ';
    finish = t + random() * (due - t) * 0.5;
  } else if (r < 0.05) {
    status = 'returned';
    statusNote = 'Hồ sơ không đủ điều kiện, đã hướng dẫn công dân bổ sung';
    finish = t + random() * (due - t);
  } else if (r < 0.12) {
    finish = due + (0.2 + random() * 5) * DAY; // late
  } else {
    finish = t + (0.1 + random() * 0.9) * (due - t);
  }
  finish = Math.max(Math.floor(finish), processingAt + 60_000);
  if (finish > now) {
    const started = processingAt <= now;
    return {
      status: started ? 'processing' : 'received',
      processingAt: started ? processingAt : null,
      completedAt: null,
      statusChangedAt: started ? processingAt : t,
      statusNote: '',
    };
  }
  return {
    status,
    processingAt: status === 'cancelled' ? null : processingAt,
    completedAt: finish,
    statusChangedAt: finish,
    statusNote,
  };
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

  const timelines = new Map<string, LevelHistoryRow[]>();
  for (const entry of options.history) {
    const list = timelines.get(entry.procedureKey) ?? [];
    list.push(entry);
    timelines.set(entry.procedureKey, list);
  }
  const dueCache = new Map<string, number>();
  const dueOf = (p: ProcedureRow, receivedAt: number, day: string) => {
    const afterCutoff = receivedAt - vnDayStart(day) > 15 * HOUR;
    const key = `${day}|${p.key}|${afterCutoff}`;
    let due = dueCache.get(key);
    if (due === undefined) {
      due = computeDueDate(options.calendar, receivedAt, {
        processingDays: p.processingDays ?? 5,
        cutoff15h: p.cutoff15h === 1,
      }).dueAt;
      dueCache.set(key, due);
    }
    return due;
  };

  const firstDayStart = vnDayStart(today) - (options.days - 1) * DAY;
  let total = 0;
  let batch: SeededDossierRow[] = [];
  for (let d = 0; d < options.days; d++) {
    const dayStart = firstDayStart + d * DAY;
    const day = vnDay(dayStart);
    const weekday = new Date(dayStart + 7 * HOUR).getUTCDay();
    // Desks open on working days and on Saturdays, except a Saturday inside a holiday break.
    const holidayWeekday = weekday !== 6 && !options.calendar.isWorkingDay(day);
    const holidaySaturday = weekday === 6 && !options.calendar.isWorkingDay(vnDay(dayStart - DAY));
    if (weekday === 0 || holidayWeekday || holidaySaturday) continue;
    const mean = weekday === 6 ? options.perWeekday * 0.4 : options.perWeekday;
    const count = Math.max(0, Math.round(mean * (0.8 + random() * 0.4)));
    const codeDay = yymmdd(day);
    const online = onlineShare(day, dayStart);
    const assistedSuccess =
      day >= ONLINE_ONLY_FROM ? 0.93 : 0.8 + 0.1 * Math.min(1, d / options.days);
    let sequence = dossierWriter.lastSequence(options.agencyCode, codeDay);
    const levels = new Map(
      options.procedures.map((p) => [p.key, levelOn(timelines.get(p.key) ?? [], day)]),
    );
    const times = Array.from({ length: count }, () => officeTime(dayStart, random))
      .filter((t) => t <= options.now)
      .sort((a, b) => a - b);
    for (const receivedAt of times) {
      sequence += 1;
      const procedure = pickProcedure();
      const due = dueOf(procedure, receivedAt, day);
      const channelRoll = random();
      const channel =
        channelRoll < online
          ? 'online_assisted'
          : channelRoll < online + 0.03
            ? 'postal'
            : 'in_person';
      const assisted =
        channel === 'online_assisted'
          ? random() < assistedSuccess
            ? 'submitted'
            : 'failed'
          : null;
      const reason = assisted === 'failed' ? pick(random, FAILURE_REASONS) : null;
      const life: Lifecycle =
        assisted === 'failed'
          ? {
              status: 'cancelled',
              processingAt: null,
              completedAt: receivedAt + 20 * 60_000,
              statusChangedAt: receivedAt + 20 * 60_000,
              statusNote: `Nộp trực tuyến không thành công: ${reason}`,
            }
          : lifecycle(receivedAt, due, options.now, random);
      if (life.completedAt !== null && life.completedAt! > options.now) {
        life.status = 'received';
        life.completedAt = null;
        life.statusChangedAt = receivedAt;
      }
      const organization = random() < (ORGANIZATION_SHARE[procedure.key] ?? 0);
      const intakeRoll = random();
      batch.push({
        code: formatDossierCode(options.agencyCode, codeDay, sequence),
        agencyCode: options.agencyCode,
        codeDay,
        sequence,
        procedureKey: procedure.key,
        citizenIdNumber: citizens[Math.floor(random() * citizens.length)]!.idNumber,
        channel,
        receivedAt,
        receivedDay: day,
        dueAt: due,
        note: '',
        createdBy: 'demo',
        applicantKind: organization ? 'organization' : 'individual',
        organizationName: organization
          ? `Công ty TNHH Mẫu ${1 + Math.floor(random() * 500)} (dữ liệu mẫu)`
          : null,
        intakeMethod: intakeRoll < 0.65 ? 'qr' : intakeRoll < 0.8 ? 'chip' : 'manual',
        levelAtReceipt: levels.get(procedure.key) ?? null,
        assistedOutcome: assisted,
        assistedFailureReason: reason,
        onlineReference:
          assisted === 'submitted' ? `G${codeDay}.${String(sequence).padStart(5, '0')}` : null,
        ...life,
      });
    }
    total += times.length;
    if (batch.length >= 50_000) {
      dossierWriter.insertMany(batch);
      options.onBatch?.(batch);
      batch = [];
      options.onProgress?.(d + 1, total);
    }
  }
  dossierWriter.insertMany(batch);
  options.onBatch?.(batch);
  options.onProgress?.(options.days, total);
  return {
    days: options.days,
    dossiers: total,
    citizens: poolSize,
    from: vnDay(firstDayStart),
    to: today,
  };
}
