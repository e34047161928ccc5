/**
 * Reports (issue 6): figures for a period and a recipient profile, rendered as PDF (NĐ 30/2020
 * layout) or Excel, and the log of reports issued. A preview is never logged; a saved or printed
 * report, or one the CLI wrote, is — that is what clears the dashboard's "report due" reminder.
 */
import { createHash } from 'node:crypto';
import type { DigitizationRepository } from '../../../db/repositories/digitization-repository';
import type { ReportsRepository } from '../../../db/repositories/reports-repository';
import type { Handlers } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import type { ReportFigures, ReportNote, ReportProfile } from '../../api/report-schemas';
import { fileSlug } from '../digitization/component-types';
import { missingFontFiles } from '../documents/pdf-basics';
import type { IndicatorsService } from '../indicators/indicators-service';
import type { ProceduresService } from '../procedures/procedures-service';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { vnDay } from '../shared/vn-time';
import { buildReportFigures } from './report-figures';
import { parseReportPeriod } from './report-period';
import { renderReportPdf } from './report-pdf';
import { createReportProfiles } from './report-profiles';
import { renderReportXlsx } from './report-xlsx';

export interface ReportsDeps {
  appRoot: string;
  repo: ReportsRepository;
  digitization: DigitizationRepository;
  indicators: IndicatorsService;
  procedures: ProceduresService;
  settings: SettingsService;
  clock: Clock;
  events: EventBus;
  actor: string;
}

export type ReportFormat = 'pdf' | 'xlsx';
export type ReportPurpose = 'preview' | 'save' | 'print' | 'cli';

export interface RenderedReport {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  sha256: string;
  pages: number | null;
  profile: ReportProfile;
  period: string;
}

const MIME: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function createReportsService(deps: ReportsDeps) {
  const profiles = createReportProfiles(deps);

  function figures(periodSpec: string, profileId?: number): ReportFigures {
    const period = parseReportPeriod(periodSpec);
    const profile = profiles.get(profileId);
    const notes = deps.repo.notes(profile.id, period.spec);
    return buildReportFigures(deps, period, profile, notes);
  }

  function recordIssued(
    report: RenderedReport,
    purpose: Exclude<ReportPurpose, 'preview'>,
    number: number | null,
  ): void {
    const at = deps.clock.now();
    deps.repo.logIssued({
      profileId: report.profile.id,
      period: report.period,
      format: report.fileName.endsWith('.pdf') ? 'pdf' : 'xlsx',
      purpose,
      number: number === null ? null : `${number}/${report.profile.numberSymbol}`,
      sha256: report.sha256,
      bytes: report.bytes.length,
      at,
      actor: deps.actor,
    });
    deps.events.publish({ type: 'reports.changed', at, profileId: report.profile.id });
  }

  async function render(input: {
    period: string;
    profileId?: number | undefined;
    format: ReportFormat;
    purpose: ReportPurpose;
    number?: number | undefined;
  }): Promise<RenderedReport> {
    const period = parseReportPeriod(input.period);
    const profile = profiles.get(input.profileId);
    if (input.format === 'pdf') {
      const missing = missingFontFiles(deps.appRoot);
      if (missing.length > 0) throw new AppError('REPORT_FONT_MISSING', { files: missing });
    }
    const f = buildReportFigures(deps, period, profile, deps.repo.notes(profile.id, period.spec));
    const now = deps.clock.now();
    const number = input.number ?? null;
    const rendered =
      input.format === 'pdf'
        ? await renderReportPdf(f, profile, {
            appRoot: deps.appRoot,
            number,
            issuedDay: vnDay(now),
            createdAt: now,
          })
        : { bytes: await renderReportXlsx(f, profile, now), pages: null };
    const report: RenderedReport = {
      fileName: `bao-cao-${fileSlug(profile.name)}-${period.spec.replace('..', '-den-')}.${input.format}`,
      mimeType: MIME[input.format],
      bytes: rendered.bytes,
      sha256: createHash('sha256').update(rendered.bytes).digest('hex'),
      pages: rendered.pages,
      profile,
      period: period.spec,
    };
    if (input.purpose !== 'preview') recordIssued(report, input.purpose, number);
    return report;
  }

  function saveNotes(profileId: number, period: string, notes: readonly ReportNote[]) {
    const known = new Set(deps.procedures.list().map((p) => p.key));
    const unknown = notes.find((n) => !known.has(n.procedureKey));
    if (unknown) throw new AppError('PROCEDURE_NOT_FOUND', { key: unknown.procedureKey });
    return profiles.saveNotes(profileId, period, notes);
  }

  return { profiles, figures, render, recordIssued, saveNotes };
}
export type ReportsService = ReturnType<typeof createReportsService>;

export function createReportsHandlers(
  service: ReportsService,
): Pick<
  Handlers,
  | 'reports.listProfiles'
  | 'reports.saveProfile'
  | 'reports.deleteProfile'
  | 'reports.figures'
  | 'reports.render'
  | 'reports.notes'
  | 'reports.saveNotes'
  | 'reports.due'
> {
  return {
    'reports.listProfiles': () => service.profiles.list(),
    'reports.saveProfile': (input) =>
      service.profiles.save({
        ...(input.id !== undefined ? { id: input.id } : {}),
        profile: input.profile,
        makeDefault: input.makeDefault,
      }),
    'reports.deleteProfile': (input) => service.profiles.remove(input.id),
    'reports.figures': (input) => service.figures(input.period, input.profileId),
    'reports.render': async (input) => {
      const report = await service.render(input);
      return {
        fileName: report.fileName,
        mimeType: report.mimeType,
        dataBase64: report.bytes.toString('base64'),
        bytes: report.bytes.length,
        sha256: report.sha256,
        pages: report.pages,
      };
    },
    'reports.notes': (input) => service.profiles.notes(input.profileId, input.period),
    'reports.saveNotes': (input) => service.saveNotes(input.profileId, input.period, input.notes),
    'reports.due': () => service.profiles.due(),
  };
}
