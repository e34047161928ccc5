import { z } from 'zod';
import type { ProcedureRow } from '../../../db/repositories/procedures-repository';
import {
  isoDay,
  legacyLevel,
  procedureGroup,
  serviceLevel,
  type ServiceLevel,
} from '../../api/schemas';

/**
 * The procedure catalogue file (`resources/catalog/*.json`): data, not code, so a province can
 * load its own version. Keys are stable across versions; names, codes and owners may change.
 */
const procedureCodeSchema = z.object({
  code: z.string().regex(/^\d\.\d{6}$/, 'mã thủ tục dạng 1.004222'),
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
  provinceCodes: z.record(z.string().regex(/^\d{2}$/), z.array(z.string())).default({}),
  currentState: z.string().default(''),
  currentLevel: serviceLevel.optional(),
  targetLevel: serviceLevel.optional(),
  currentLegacyLevel: legacyLevel.nullable().default(null),
  targetLegacyLevel: legacyLevel.nullable().default(null),
  deadline: isoDay.nullable().default(null),
  deadlineText: z.string().optional(),
  notes: z.string().default(''),
  source: z.string().default(''),
});

export const catalogDocumentSchema = z
  .object({
    schema: z.literal(1),
    version: z.string().min(1).max(60),
    effectiveFrom: isoDay,
    title: z.string().min(1),
    source: z.string().min(1),
    procedures: z.array(catalogProcedureSchema).min(1),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.procedures.forEach((p, index) => {
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

/**
 * Legacy mức độ → NĐ 42/2022 level, as regulations.md §2 maps old records: mức 1–2 publish
 * information only, mức 3 is partly online, mức 4 is counted as toàn trình (the electronic result
 * was not recorded in 2022 plans; the procedures issue lets an office correct it).
 */
export function levelFromLegacy(level: number | null): ServiceLevel | null {
  if (level === null) return null;
  if (level <= 2) return 'info_only';
  return level === 3 ? 'partial' : 'full';
}

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
  }));
}
