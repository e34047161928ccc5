import { z } from 'zod';
import type { ProcedureRow } from '../../../db/repositories/procedures-repository';
import { isoDay, legacyLevel, procedureGroup, serviceLevel } from '../../api/schemas';
import { levelFromLegacy } from './service-levels';

/**
 * The procedure catalogue file (`resources/catalog/*.json`): data, not code, so a province can
 * load its own version. Keys are stable across versions; names, codes and owners may change.
 */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}$/;

const procedureCode = z.string().regex(PROCEDURE_CODE_PATTERN, 'mã thủ tục dạng 1.004222');

const procedureCodeSchema = z.object({
  code: procedureCode,
  scope: z.enum(['commune', 'province', 'central']),
  note: z.string().default(''),
});

const catalogProcedureSchema = z.object({
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  seq: z.number().int().min(1),
  name: z.string().min(1),
  seedName: z.string().optional(),
  group: procedureGroup,
  ownerAgency: z.string().min(1),
  ministry: z.string().default(''),
  executingUnit: z.string().min(1),
  codes: z.array(procedureCodeSchema),
  provinceCodes: z.record(z.string().regex(/^\d{2}$/), z.array(procedureCode)).default({}),
  currentState: z.string().default(''),
  currentLevel: serviceLevel.optional(),
  targetLevel: serviceLevel.optional(),
  currentLegacyLevel: legacyLevel.nullable().default(null),
  targetLegacyLevel: legacyLevel.nullable().default(null),
  deadline: isoDay.nullable().default(null),
  deadlineText: z.string().optional(),
  notes: z.string().default(''),
  source: z.string().default(''),
  // Schema 2: processing time in working days and the 15:00 rule (see dossiers/working-days.ts),
  // where the figure comes from, and Chỉ thị 24's "no paper from" day.
  processingDays: z.number().int().min(0).max(365).nullable().default(null),
  cutoff15h: z.boolean().default(false),
  processingSource: z.string().default(''),
  onlineOnlyFrom: isoDay.nullable().default(null),
  effectiveFrom: isoDay.optional(),
});

export const catalogDocumentSchema = z
  .object({
    schema: z.union([z.literal(1), z.literal(2)]),
    version: z.string().min(1).max(60),
    effectiveFrom: isoDay,
    title: z.string().min(1),
    source: z.string().min(1),
    procedures: z.array(catalogProcedureSchema).min(1),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    const seenSeq = new Set<number>();
    doc.procedures.forEach((p, index) => {
      if (seenSeq.has(p.seq)) {
        ctx.addIssue({
          code: 'custom',
          path: ['procedures', index, 'seq'],
          message: `trùng số thứ tự ${p.seq}`,
        });
      }
      seenSeq.add(p.seq);
      if (seen.has(p.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['procedures', index, 'key'],
          message: `trùng khóa "${p.key}"`,
        });
      }
      seen.add(p.key);
    });
  });

export type CatalogDocument = z.infer<typeof catalogDocumentSchema>;

export function catalogRows(doc: CatalogDocument): ProcedureRow[] {
  return doc.procedures.map((p) => ({
    key: p.key,
    seq: p.seq,
    name: p.name,
    groupCode: p.group,
    ownerAgency: p.ownerAgency,
    ministry: p.ministry,
    executingUnit: p.executingUnit,
    codes: JSON.stringify(p.codes),
    provinceCodes: JSON.stringify(p.provinceCodes),
    currentState: p.currentState,
    notes: p.notes,
    sourceNote: p.source,
    currentLevel: p.currentLevel ?? levelFromLegacy(p.currentLegacyLevel),
    targetLevel: p.targetLevel ?? levelFromLegacy(p.targetLegacyLevel),
    currentLegacyLevel: p.currentLegacyLevel,
    targetLegacyLevel: p.targetLegacyLevel,
    deadline: p.deadline,
    catalogVersion: doc.version,
    processingDays: p.processingDays,
    cutoff15h: p.cutoff15h ? 1 : 0,
    processingSource: p.processingSource,
    onlineOnlyFrom: p.onlineOnlyFrom,
    effectiveFrom: p.effectiveFrom ?? doc.effectiveFrom,
  }));
}
