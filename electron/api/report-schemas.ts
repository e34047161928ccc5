import { z } from 'zod';
import { dailySummarySchema } from './calls/digitization';
import { indicatorRowSchema } from './calls/indicators';
import { isoDay } from './schemas';

/**
 * Reports (issue 6): recipient profiles and the figures of one report. Counts only — a report
 * never carries a dossier code, a name or an ID number (it is printed and sent outside the desk).
 */

/** What a profile can include; each is one part of the PDF and one sheet of the workbook. */
export const reportSection = z.enum(['summary', 'charts', 'commentary', 'procedures', 'deAn06']);
export type ReportSection = z.infer<typeof reportSection>;
export const REPORT_SECTIONS = reportSection.options;

/** 2026-10 · 2026-Q3 · 2026 · 2026-01-01..2026-03-31 */
export const reportPeriodSpec = z
  .string()
  .trim()
  .regex(
    /^(\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/,
    'YYYY-MM, YYYY-Qn, YYYY hoặc YYYY-MM-DD..YYYY-MM-DD',
  );

const line = (max: number) => z.string().trim().max(max);

/** One recipient's report: what it contains, who signs it, where it goes, when it is due. */
export const reportProfileSchema = z.object({
  name: line(80).min(1),
  /** Trích yếu (NĐ 30/2020 Phụ lục I §II.5); the period is appended ("… tháng 10 năm 2026"). */
  title: line(200).min(1),
  sections: z.array(reportSection).min(1).max(REPORT_SECTIONS.length),
  /** Nơi nhận, one recipient per line, without the leading "-" and trailing ";". */
  recipients: z.array(line(200).min(1)).max(20),
  /** "Lưu: VT, …" — the filing line that ends Nơi nhận (Phụ lục I §II.9.d). */
  filing: line(80),
  /** Ký hiệu after "Số: …/" — e.g. BC-UBND (Phụ lục III: BC = Báo cáo). */
  numberSymbol: line(40),
  /** Superior body above the issuer (upper case, regular); empty when none. */
  parentAgency: line(160),
  /** Issuing body; empty = the office name from the settings. */
  issuer: line(160),
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"… (Phụ lục I §II.7.b); empty when none. */
  signerAuthority: line(120),
  signerTitle: line(120),
  signerName: line(120),
  frequency: z.enum(['month', 'quarter']),
  /** The report on a closed period is due by this day of the following month (null: no reminder). */
  deadlineDay: z.number().int().min(1).max(31).nullable(),
});
export type ReportProfileInput = z.infer<typeof reportProfileSchema>;

export const reportProfileViewSchema = reportProfileSchema.extend({
  id: z.number().int(),
  isDefault: z.boolean(),
  builtin: z.string().nullable(),
  updatedAt: z.string(),
});
export type ReportProfile = z.infer<typeof reportProfileViewSchema>;

export const noteField = z.enum(['beneficiaries', 'problems', 'solutions']);
export type NoteField = z.infer<typeof noteField>;
export const reportNoteSchema = z.object({
  procedureKey: z.string().min(1).max(80),
  field: noteField,
  text: z.string().max(2000),
});
export type ReportNote = z.infer<typeof reportNoteSchema>;

export const reportPeriodSchema = z.object({
  spec: z.string(),
  kind: z.enum(['month', 'quarter', 'year', 'range']),
  from: isoDay,
  to: isoDay,
  /** "tháng 10 năm 2026", "quý III năm 2026", "từ ngày 01/01/2026 đến ngày 31/03/2026" */
  label: z.string(),
  /** "10/2026", "Quý III/2026", "01/01/2026 – 31/03/2026" */
  shortLabel: z.string(),
});
export type ReportPeriodView = z.infer<typeof reportPeriodSchema>;

const digitizationFigures = dailySummarySchema.omit({ day: true, procedureKey: true });
export type DigitizationFigures = z.infer<typeof digitizationFigures>;
const rate = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  percent: z.number().nullable(),
});
export const digitizationRatesSchema = z.object({ components: rate, results: rate, reuse: rate });

const periodFigures = z.object({
  period: reportPeriodSchema,
  totals: indicatorRowSchema,
  digitization: digitizationFigures,
  digitizationRates: digitizationRatesSchema,
});

export const reportProcedureSchema = z.object({
  key: z.string(),
  seq: z.number().int(),
  name: z.string(),
  indicators: indicatorRowSchema,
  digitization: digitizationFigures,
  previousReceived: z.number().int(),
  /** How applicants' data came in: the ID card (CSDLQG về dân cư) by QR or chip, or typed. */
  intake: z.object({ qr: z.number().int(), chip: z.number().int(), manual: z.number().int() }),
  /** Đề án 06 template cells: computed data sources, then the editable texts. */
  dataSources: z.string(),
  beneficiaries: z.string(),
  problems: z.string(),
  solutions: z.string(),
});
export type ReportProcedure = z.infer<typeof reportProcedureSchema>;

export const reportTrendPointSchema = z.object({
  month: z.string(),
  received: z.number().int(),
  inPerson: z.number().int(),
  onlineAssisted: z.number().int(),
  postal: z.number().int(),
  onTimeRate: z.number().nullable(),
  componentsRate: z.number().nullable(),
});

export const reportFiguresSchema = z.object({
  profile: z.object({ id: z.number().int(), name: z.string() }),
  office: z.object({ name: z.string(), place: z.string() }),
  asOf: z.string(),
  /** The period had not ended at `asOf`: figures so far. */
  partial: z.boolean(),
  current: periodFigures,
  previous: periodFigures,
  procedures: z.array(reportProcedureSchema),
  trend: z.array(reportTrendPointSchema),
  overdue: z.object({
    /** Open files past due now, office-wide (the dashboard's count). */
    now: z.number().int(),
    /** Of them, received in the period, per procedure (largest first). */
    inPeriod: z.number().int(),
    byProcedure: z.array(z.object({ key: z.string(), name: z.string(), count: z.number().int() })),
  }),
  commentary: z.array(z.string()),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

export const reportDueSchema = z.object({
  profileId: z.number().int(),
  profileName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  deadline: isoDay,
  daysLeft: z.number().int(),
  overdue: z.boolean(),
});
export type ReportDue = z.infer<typeof reportDueSchema>;
