/**
 * The values a template can draw on, resolved from the citizen (as read from the card, or as
 * stored) and, when given, the dossier being received.
 */
import type { AutofillField } from '../../api/autofill-schemas';
import type { Citizen } from '../../api/schemas';

export interface AutofillRecord {
  citizen: Citizen;
  dossier: { code: string; procedureName: string; receivedDay: string } | null;
  /** Today in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
  today: string;
}

/** Synthetic sample for the template editor's dry run (cccd-formats.md §1.2 layout; not a person). */
export const SAMPLE_CITIZEN: Citizen = {
  idNumber: '022303004567',
  oldIdNumber: '123456789',
  fullName: 'Trần Thị Ngọc Hường',
  dateOfBirth: '2003-11-09',
  sex: 'female',
  address: 'Số 12 đường Lê Thánh Tông, Phường Hồng Gai, Tỉnh Quảng Ninh (dữ liệu mẫu)',
  issueDate: '2021-07-01',
};

export const SAMPLE_DOSSIER = {
  code: '000.00.15.H33-261124-0001',
  procedureName: 'Đăng ký thường trú',
  receivedDay: '2026-11-24',
};

function nameParts(fullName: string): { family: string; given: string } {
  const words = fullName.normalize('NFC').trim().split(/\s+/);
  return { family: words[0] ?? '', given: words.slice(1).join(' ') };
}

/** A field's raw value: a string, an ISO day for date fields, or null when the record lacks it. */
export function fieldValue(record: AutofillRecord, field: AutofillField): string | null {
  const { citizen, dossier } = record;
  switch (field) {
    case 'fullName':
      return citizen.fullName;
    case 'familyName':
      return nameParts(citizen.fullName).family || null;
    case 'givenNames':
      return nameParts(citizen.fullName).given || null;
    case 'dateOfBirth':
      return citizen.dateOfBirth;
    case 'sex':
      return citizen.sex;
    case 'idNumber':
      return citizen.idNumber;
    case 'oldIdNumber':
      return citizen.oldIdNumber;
    case 'issueDate':
      return citizen.issueDate;
    case 'address':
      return citizen.address === '' ? null : citizen.address;
    case 'dossierCode':
      return dossier?.code ?? null;
    case 'procedureName':
      return dossier?.procedureName ?? null;
    case 'receivedDate':
      return dossier?.receivedDay ?? null;
    case 'today':
      return record.today;
  }
}
