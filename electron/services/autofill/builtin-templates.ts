/**
 * Starting templates shipped with the app. Most one-stop forms (the province's system and the
 * national portal's applicant block) ask for the same fields in this Tab order; offices copy one
 * and adjust it to their form in Settings › Form autofill.
 */
import type { TemplateDraft, TemplateStep } from '../../api/autofill-schemas';

const tab: TemplateStep = { kind: 'key', key: 'Tab' };

export const BUILTIN_TEMPLATES: readonly (TemplateDraft & { id: string })[] = [
  {
    id: 'builtin-generic',
    name: 'Chung: họ tên, ngày sinh, giới tính, số định danh, ngày cấp, địa chỉ',
    description:
      'Thứ tự Tab thường gặp: Họ và tên → Ngày sinh (dd/MM/yyyy) → Giới tính → Số định danh cá nhân → Ngày cấp → Nơi thường trú.',
    target: '',
    steps: [
      { kind: 'field', field: 'fullName' },
      tab,
      { kind: 'field', field: 'dateOfBirth', format: 'dd/MM/yyyy' },
      tab,
      { kind: 'field', field: 'sex' },
      tab,
      { kind: 'field', field: 'idNumber' },
      tab,
      { kind: 'field', field: 'issueDate', format: 'dd/MM/yyyy', optional: true },
      tab,
      { kind: 'field', field: 'address' },
    ],
  },
  {
    id: 'builtin-dob-split',
    name: 'Ngày sinh tách 3 ô (ngày / tháng / năm)',
    description:
      'Cho biểu mẫu có ba ô ngày, tháng, năm sinh riêng: Họ và tên → Ngày → Tháng → Năm → Giới tính → Số định danh → Địa chỉ.',
    target: '',
    steps: [
      { kind: 'field', field: 'fullName' },
      tab,
      { kind: 'field', field: 'dateOfBirth', format: 'dd' },
      tab,
      { kind: 'field', field: 'dateOfBirth', format: 'MM' },
      tab,
      { kind: 'field', field: 'dateOfBirth', format: 'yyyy' },
      tab,
      { kind: 'field', field: 'sex' },
      tab,
      { kind: 'field', field: 'idNumber' },
      tab,
      { kind: 'field', field: 'address' },
    ],
  },
  {
    id: 'builtin-name-split',
    name: 'Họ và tên tách ô, không có số định danh',
    description:
      'Cho biểu mẫu tách "Họ" và "Chữ đệm và tên"; không điền số định danh (không cần hiện số): Họ → Chữ đệm và tên → Ngày sinh → Giới tính → Địa chỉ.',
    target: '',
    steps: [
      { kind: 'field', field: 'familyName' },
      tab,
      { kind: 'field', field: 'givenNames' },
      tab,
      { kind: 'field', field: 'dateOfBirth', format: 'dd/MM/yyyy' },
      tab,
      { kind: 'field', field: 'sex' },
      tab,
      { kind: 'field', field: 'address' },
    ],
  },
];
