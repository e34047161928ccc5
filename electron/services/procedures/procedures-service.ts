import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  LevelHistoryRow,
  NewLevelHistoryRow,
  ProcedureRow,
  ProceduresRepository,
} from '../../../db/repositories/procedures-repository';
import type {
  LevelHistoryEntry,
  ProcedureDetail,
  ProcedureSummary,
} from '../../api/calls/procedures';
import type { Handlers } from '../../api/dispatch';
import { AppError } from '../../api/errors';
import { serviceLevel, type ServiceLevel } from '../../api/schemas';
import type { AuditService } from '../audit/audit-service';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { vnDay } from '../shared/vn-time';
import {
  catalogDocumentSchema,
  catalogRows,
  PROCEDURE_CODE_PATTERN,
  type CatalogDocument,
} from './catalog-document';
import { levelStatus } from './service-levels';

export const BUNDLED_CATALOG = join('resources', 'catalog', 'procedures.json');

export function parseCatalogDocument(json: unknown): CatalogDocument {
  const parsed = catalogDocumentSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('CATALOG_INVALID', {
      issues: parsed.error.issues
        .slice(0, 20)
        .map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

/** The first dated entry of each procedure: where its level stood when a catalogue set it. */
export function catalogHistory(
  doc: CatalogDocument,
  rows: readonly ProcedureRow[],
  before: ReadonlyMap<string, ProcedureRow>,
  now: number,
  actor: string,
): NewLevelHistoryRow[] {
  return rows
    .filter((row) => {
      const old = before.get(row.key);
      return (
        !old ||
        old.currentLevel !== row.currentLevel ||
        old.targetLevel !== row.targetLevel ||
        old.deadline !== row.deadline
      );
    })
    .map((row) => {
      const old = before.get(row.key);
      return {
        procedureKey: row.key,
        changedAt: now,
        effectiveFrom: row.effectiveFrom ?? doc.effectiveFrom,
        actor,
        origin: 'catalog' as const,
        catalogVersion: doc.version,
        currentLevel: row.currentLevel,
        targetLevel: row.targetLevel,
        deadline: row.deadline,
        previousCurrentLevel: old?.currentLevel ?? null,
        previousTargetLevel: old?.targetLevel ?? null,
        previousDeadline: old?.deadline ?? null,
        note: `Danh mục ${doc.version}: ${doc.title}`,
      };
    });
}

/**
 * Loads the catalogue shipped in `resources/` the first time a database is opened. Later versions
 * are loaded deliberately (import with a diff), never silently.
 */
export function seedBundledCatalogSync(
  repo: ProceduresRepository,
  appRoot: string,
  clock: Clock,
): string | null {
  if (repo.activeVersion() !== null) return null;
  const text = readFileSync(join(appRoot, BUNDLED_CATALOG), 'utf8');
  const doc = parseCatalogDocument(JSON.parse(text));
  activateDocument(repo, doc, text, clock.now(), 'catalog');
  return doc.version;
}

/**
 * Makes a parsed catalogue the active one, with a history entry for every procedure whose level,
 * target or deadline it sets differently from now (one transaction, see activateCatalog).
 */
export function activateDocument(
  repo: ProceduresRepository,
  doc: CatalogDocument,
  text: string,
  now: number,
  actor: string,
): void {
  const before = new Map(repo.list().map((r) => [r.key, r]));
  const rows = catalogRows(doc);
  repo.activateCatalog(
    {
      version: doc.version,
      title: doc.title,
      source: doc.source,
      effectiveFrom: doc.effectiveFrom,
      document: text,
    },
    rows,
    now,
    catalogHistory(doc, rows, before, now, actor),
  );
}

interface CodeEntry {
  code: string;
  scope: 'commune' | 'province' | 'central';
  note: string;
}

/** The codes an office uses: its province's own codes where the catalogue lists them. */
export function codesFor(row: ProcedureRow, provinceCode: string | null): string[] {
  const byProvince = JSON.parse(row.provinceCodes) as Record<string, string[]>;
  const own = provinceCode ? byProvince[provinceCode] : undefined;
  if (own && own.length > 0) return own;
  return (JSON.parse(row.codes) as CodeEntry[]).map((c) => c.code);
}

export function toSummary(
  row: ProcedureRow,
  provinceCode: string | null,
  today: string,
): ProcedureSummary {
  return {
    key: row.key,
    seq: row.seq,
    name: row.name,
    group: row.groupCode,
    ownerAgency: row.ownerAgency,
    ministry: row.ministry,
    executingUnit: row.executingUnit,
    codes: codesFor(row, provinceCode),
    currentLevel: row.currentLevel,
    targetLevel: row.targetLevel,
    currentLegacyLevel: row.currentLegacyLevel,
    targetLegacyLevel: row.targetLegacyLevel,
    deadline: row.deadline,
    status: levelStatus(row.currentLevel, row.targetLevel, row.deadline, today),
    processingDays: row.processingDays,
    cutoff15h: row.cutoff15h === 1,
    onlineOnlyFrom: row.onlineOnlyFrom,
  };
}

function toHistoryEntry(row: LevelHistoryRow): LevelHistoryEntry {
  return { ...row, changedAt: new Date(row.changedAt).toISOString() };
}

export interface ProceduresDeps {
  repo: ProceduresRepository;
  audit: AuditService;
  clock: Clock;
  events: EventBus;
  /** 2-digit province code (QĐ 19/2025) for per-province mã thủ tục, when the office set it. */
  provinceCode: () => string | null;
  actor: string;
}

export function createProceduresService(deps: ProceduresDeps) {
  const { repo } = deps;
  /** A key, or a mã thủ tục (national or this province's) — CLI users type either. */
  function resolve(ref: string): ProcedureRow {
    const byKey = repo.get(ref);
    if (byKey) return byKey;
    if (PROCEDURE_CODE_PATTERN.test(ref)) {
      const province = deps.provinceCode();
      const match = repo.list().find((row) => {
        const national = (JSON.parse(row.codes) as CodeEntry[]).some((c) => c.code === ref);
        const provincial = Object.entries(JSON.parse(row.provinceCodes) as Record<string, string[]>)
          .filter(([p]) => province === null || p === province)
          .some(([, codes]) => codes.includes(ref));
        return national || provincial;
      });
      if (match) return match;
    }
    throw new AppError('PROCEDURE_NOT_FOUND', { key: ref });
  }

  function detail(row: ProcedureRow): ProcedureDetail {
    return {
      ...toSummary(row, deps.provinceCode(), vnDay(deps.clock.now())),
      allCodes: JSON.parse(row.codes) as CodeEntry[],
      provinceCodes: JSON.parse(row.provinceCodes) as Record<string, string[]>,
      currentState: row.currentState,
      notes: row.notes,
      source: row.sourceNote,
      processingSource: row.processingSource,
      effectiveFrom: row.effectiveFrom,
      catalogVersion: row.catalogVersion,
      history: repo.history(row.key).map(toHistoryEntry),
    };
  }

  function parseLevel(value: string | undefined): ServiceLevel | undefined {
    if (value === undefined) return undefined;
    const parsed = serviceLevel.safeParse(value);
    if (!parsed.success) {
      throw new AppError('LEVEL_UNKNOWN', { level: value, allowed: serviceLevel.options });
    }
    return parsed.data;
  }

  return {
    resolve,
    list: (): ProcedureSummary[] => {
      const today = vnDay(deps.clock.now());
      const province = deps.provinceCode();
      return repo.list().map((row) => toSummary(row, province, today));
    },
    get: (ref: string): ProcedureDetail => detail(resolve(ref)),
    setLevel(input: {
      key: string;
      currentLevel?: string;
      targetLevel?: string;
      deadline?: string;
      effectiveFrom?: string;
      note: string;
    }): ProcedureDetail {
      const row = resolve(input.key);
      const current = parseLevel(input.currentLevel);
      const target = parseLevel(input.targetLevel);
      if (input.note.trim().length < 3) throw new AppError('LEVEL_NOTE_REQUIRED');
      const now = deps.clock.now();
      const today = vnDay(now);
      const next = {
        currentLevel: current ?? row.currentLevel,
        targetLevel: target ?? row.targetLevel,
        deadline: input.deadline ?? row.deadline,
      };
      // A target is a promise about the future: setting one with a passed deadline is a mistake.
      const settingTarget = target !== undefined || input.deadline !== undefined;
      if (settingTarget && next.deadline !== null && next.deadline < today) {
        throw new AppError('DEADLINE_IN_PAST', { deadline: next.deadline, today });
      }
      if (
        next.currentLevel === row.currentLevel &&
        next.targetLevel === row.targetLevel &&
        next.deadline === row.deadline
      ) {
        throw new AppError('LEVEL_NO_CHANGE', { key: row.key });
      }
      repo.setLevels(row.key, next, {
        procedureKey: row.key,
        changedAt: now,
        effectiveFrom: input.effectiveFrom ?? today,
        actor: deps.actor,
        origin: 'manual',
        catalogVersion: null,
        ...next,
        previousCurrentLevel: row.currentLevel,
        previousTargetLevel: row.targetLevel,
        previousDeadline: row.deadline,
        note: input.note.trim(),
      });
      deps.audit.record('procedure.level', row.key, { ...next, note: input.note.trim() });
      deps.events.publish({ type: 'procedures.changed', at: now, key: row.key });
      return detail(repo.get(row.key)!);
    },
  };
}
export type ProceduresService = ReturnType<typeof createProceduresService>;

export function createProceduresHandlers(
  service: ProceduresService,
): Pick<Handlers, 'procedures.list' | 'procedures.get' | 'procedures.setLevel'> {
  return {
    'procedures.list': () => service.list(),
    'procedures.get': ({ key }) => service.get(key),
    'procedures.setLevel': (input) => service.setLevel(input),
  };
}
