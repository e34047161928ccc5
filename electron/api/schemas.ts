import { z } from 'zod';

/** Calls that take no argument accept nothing, or an empty object. */
export const noInput = z.object({}).strict().optional();

/** YYYY-MM-DD, a calendar day (Asia/Ho_Chi_Minh for statistics). */
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** 12-digit personal identification number (NĐ 137/2015 Art. 13; no check digit exists). */
export const idNumber = z.string().regex(/^\d{12}$/, '12 chữ số');

export const sex = z.enum(['male', 'female']);

export const citizenSchema = z.object({
  idNumber,
  oldIdNumber: z
    .string()
    .regex(/^\d{9}$/)
    .nullable(),
  fullName: z.string().trim().min(1).max(200),
  dateOfBirth: isoDay,
  sex,
  address: z.string().trim().max(500),
  issueDate: isoDay.nullable(),
});
export type Citizen = z.infer<typeof citizenSchema>;

export const warningSchema = z.object({ code: z.string(), message: z.string() });
export type Warning = z.infer<typeof warningSchema>;

/** NĐ 42/2022 Art. 11: toàn trình / một phần, plus information-only services. */
export const serviceLevel = z.enum(['full', 'partial', 'info_only']);
export type ServiceLevel = z.infer<typeof serviceLevel>;

/** NĐ 43/2011 mức độ 1–4, kept for old records and the 2022 plans. */
export const legacyLevel = z.number().int().min(1).max(4);

export const procedureGroup = z.enum(['bca', 'commune', 'sector']);
export type ProcedureGroup = z.infer<typeof procedureGroup>;

export const dossierChannel = z.enum(['in_person', 'online_assisted', 'postal']);
export type DossierChannel = z.infer<typeof dossierChannel>;

export const dossierStatus = z.enum(['received', 'processing', 'done', 'returned', 'cancelled']);
export type DossierStatus = z.infer<typeof dossierStatus>;
