/**
 * Report profiles (one per recipient), the editable cells of a template, and the "report due"
 * reminder: a profile with a deadline is due once its period closes, until a report on that
 * period has been saved, printed or written by the CLI (report_log).
 */
import type {
  ReportProfileRow,
  ReportsRepository,
} from '../../../db/repositories/reports-repository';
import { AppError } from '../../api/errors';
import {
  reportProfileSchema,
  type ReportDue,
  type ReportNote,
  type ReportProfile,
  type ReportProfileInput,
} from '../../api/report-schemas';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { vnDay } from '../shared/vn-time';
import { BUILTIN_PROFILES } from './builtin-profiles';
import { dayCount, dueDay, lastClosedPeriod, parseReportPeriod } from './report-period';

function view(row: ReportProfileRow): ReportProfile {
  const definition = reportProfileSchema.parse(JSON.parse(row.definition));
  return {
    ...definition,
    name: row.name,
    id: row.id,
    isDefault: row.isDefault === 1,
    builtin: row.builtin,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export function createReportProfiles(deps: {
  repo: ReportsRepository;
  clock: Clock;
  events: EventBus;
}) {
  const { repo, clock } = deps;
  const changed = (profileId: number | null) =>
    deps.events.publish({ type: 'reports.changed', at: clock.now(), profileId });

  function get(id?: number): ReportProfile {
    if (id === undefined) {
      const all = repo.listProfiles();
      const found = all.find((p) => p.isDefault === 1) ?? all[0];
      if (!found) throw new AppError('REPORT_PROFILE_NOT_FOUND', { id: null });
      return view(found);
    }
    const row = repo.profile(id);
    if (!row) throw new AppError('REPORT_PROFILE_NOT_FOUND', { id });
    return view(row);
  }

  return {
    /** A new database gets the bundled profiles, the first one as the default. */
    seedBuiltinsSync(): void {
      if (repo.hasAnyProfile()) return;
      const now = clock.now();
      BUILTIN_PROFILES.forEach(({ key, profile }, index) => {
        const id = repo.insertProfile({
          name: profile.name,
          definition: JSON.stringify(profile),
          builtin: key,
          now,
        });
        if (index === 0) repo.makeDefault(id, now);
      });
    },
    list: (): ReportProfile[] => repo.listProfiles().map(view),
    get,
    /** By name (the CLI's --profile), else null. */
    byName(name: string): ReportProfile | null {
      const row = repo.profileByName(name.trim());
      return row ? view(row) : null;
    },
    save(input: { id?: number; profile: ReportProfileInput; makeDefault: boolean }): ReportProfile {
      const now = clock.now();
      const sameName = repo.profileByName(input.profile.name);
      if (sameName && sameName.id !== input.id)
        throw new AppError('REPORT_PROFILE_NAME_TAKEN', { name: input.profile.name });
      const definition = JSON.stringify(input.profile);
      let id = input.id;
      if (id === undefined) {
        id = repo.insertProfile({ name: input.profile.name, definition, builtin: null, now });
      } else if (!repo.updateProfile({ id, name: input.profile.name, definition, now })) {
        throw new AppError('REPORT_PROFILE_NOT_FOUND', { id });
      }
      if (input.makeDefault) repo.makeDefault(id, now);
      changed(id);
      return get(id);
    },
    remove(id: number): { id: number } {
      const profile = get(id);
      if (profile.isDefault) throw new AppError('REPORT_PROFILE_IS_DEFAULT', { id });
      repo.archiveProfile(id, clock.now());
      changed(id);
      return { id };
    },
    notes(profileId: number, period: string): ReportNote[] {
      get(profileId);
      return repo.notes(profileId, parseReportPeriod(period).spec);
    },
    saveNotes(profileId: number, period: string, notes: readonly ReportNote[]): ReportNote[] {
      get(profileId);
      const spec = parseReportPeriod(period).spec;
      repo.saveNotes(profileId, spec, notes, clock.now());
      changed(profileId);
      return repo.notes(profileId, spec);
    },
    /** Profiles whose last closed period has no issued report yet, the most urgent first. */
    due(): ReportDue[] {
      const today = vnDay(clock.now());
      const due: ReportDue[] = [];
      for (const profile of repo.listProfiles().map(view)) {
        if (profile.deadlineDay === null) continue;
        const period = lastClosedPeriod(profile.frequency, today);
        if (repo.wasIssued(profile.id, period.spec)) continue;
        const deadline = dueDay(period, profile.deadlineDay);
        const daysLeft =
          today <= deadline ? dayCount(today, deadline) - 1 : -(dayCount(deadline, today) - 1);
        due.push({
          profileId: profile.id,
          profileName: profile.name,
          period: period.spec,
          periodLabel: period.label,
          deadline,
          daysLeft,
          overdue: daysLeft < 0,
        });
      }
      return due.sort((a, b) => a.deadline.localeCompare(b.deadline));
    },
  };
}
export type ReportProfiles = ReturnType<typeof createReportProfiles>;
