import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { dossierStatus, isoDay, procedureGroup, serviceLevel } from '../schemas';
import { procedureLevelStatus } from './procedures';

/** A rate with the counts it came from, so every figure can show them (issue: "on hover"). */
export const fractionSchema = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
});

const rate = z.number().nullable(); // percent, 2 decimals; null when the denominator is 0

export const indicatorRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  received: z.number().int(),
  inPerson: z.number().int(),
  onlineAssisted: z.number().int(),
  postal: z.number().int(),
  cancelled: z.number().int(),
  done: z.number().int(),
  returned: z.number().int(),
  open: z.number().int(),
  openOverdue: z.number().int(),
  finishedOnTime: z.number().int(),
  fullEligible: z.number().int(),
  fullOnline: z.number().int(),
  assistedSubmitted: z.number().int(),
  assistedFailed: z.number().int(),
  onTimeRate: rate,
  onlineShare: rate,
  inPersonShare: rate,
  postalShare: rate,
  fullOnlineShare: rate,
  assistedSuccessRate: rate,
  figures: z.object({
    onTimeRate: fractionSchema,
    onlineShare: fractionSchema,
    inPersonShare: fractionSchema,
    postalShare: fractionSchema,
    fullOnlineShare: fractionSchema,
    assistedSuccessRate: fractionSchema,
  }),
});
export type IndicatorRow = z.infer<typeof indicatorRowSchema>;
export type IndicatorName = keyof IndicatorRow['figures'];

export const periodSchema = z.object({
  kind: z.enum(['month', 'year', 'range']),
  label: z.string(),
  from: isoDay,
  to: isoDay,
});

export const indicatorReportSchema = z.object({
  period: periodSchema,
  asOf: z.string(),
  totals: indicatorRowSchema,
  procedures: z.array(indicatorRowSchema),
});
export type IndicatorReport = z.infer<typeof indicatorReportSchema>;

const trendPoint = z.object({
  month: z.string(), // YYYY-MM
  received: z.number().int(),
  inPerson: z.number().int(),
  onlineAssisted: z.number().int(),
  postal: z.number().int(),
  onTimeRate: rate,
});

export const dossierAlertSchema = z.object({
  code: z.string(),
  procedureKey: z.string(),
  procedureName: z.string(),
  status: dossierStatus,
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  statusChangedAt: z.string(),
  overdue: z.boolean(),
  stuck: z.boolean(),
  overdueDays: z.number().int().nullable(),
  idleDays: z.number().int(),
});
export type DossierAlert = z.infer<typeof dossierAlertSchema>;

export const dashboardSchema = z.object({
  period: periodSchema,
  asOf: z.string(),
  stuckAfterDays: z.number().int(),
  totals: indicatorRowSchema,
  months: z.array(trendPoint),
  procedures: z.array(
    z.object({
      key: z.string(),
      seq: z.number().int(),
      name: z.string(),
      group: procedureGroup,
      ownerAgency: z.string(),
      currentLevel: serviceLevel.nullable(),
      targetLevel: serviceLevel.nullable(),
      deadline: isoDay.nullable(),
      status: procedureLevelStatus,
      indicators: indicatorRowSchema,
      trend: z.array(trendPoint),
    }),
  ),
  alerts: z.object({
    overdueCount: z.number().int(),
    stuckCount: z.number().int(),
    items: z.array(dossierAlertSchema),
  }),
  owners: z.array(z.string()),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const filters = {
  procedureKey: z.string().max(80).optional(),
  group: procedureGroup.optional(),
  owner: z.string().max(300).optional(),
};

export const indicatorsCalls = {
  'indicators.compute': defineCall({
    summary:
      'QĐ 766 indicators (on-time, channel shares, toàn trình share, assisted success) for a period.',
    input: z.object({
      month: month.optional(),
      from: isoDay.optional(),
      to: isoDay.optional(),
      ...filters,
    }),
    output: indicatorReportSchema,
    errors: ['PERIOD_INVALID', 'PROCEDURE_NOT_FOUND'],
  }),
  'dashboard.get': defineCall({
    summary: 'The office dashboard for a month (YYYY-MM) or a year (YYYY).',
    input: z.object({
      period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'YYYY-MM hoặc YYYY'),
      group: procedureGroup.optional(),
      owner: z.string().max(300).optional(),
    }),
    output: dashboardSchema,
    errors: ['PERIOD_INVALID'],
  }),
};
