import type { Widen } from '../define-messages';

const vi = {
  settings: {
    title: 'Cài đặt',
    office: 'Thông tin cơ quan',
    officeHint: 'Mã cơ quan là tiền tố của mã hồ sơ (TT 01/2018/TT-VPCP), ví dụ 000.00.15.H33.',
    officeName: 'Tên cơ quan',
    adminUnitCode: 'Mã đơn vị hành chính',
    agencyCode: 'Mã cơ quan (mã định danh)',
    place: 'Địa danh (dùng trên văn bản)',
    save: 'Lưu',
    saved: 'Đã lưu thông tin cơ quan.',
    system: 'Thông tin hệ thống',
    version: 'Phiên bản',
    dataDir: 'Thư mục dữ liệu',
    schema: 'Phiên bản cơ sở dữ liệu',
    catalog: 'Danh mục thủ tục',
  },
} as const;

const en: Widen<typeof vi> = {
  settings: {
    title: 'Settings',
    office: 'Office identity',
    officeHint:
      'The agency code prefixes every dossier code (TT 01/2018/TT-VPCP), e.g. 000.00.15.H33.',
    officeName: 'Office name',
    adminUnitCode: 'Administrative unit code',
    agencyCode: 'Agency code (identifier)',
    place: 'Place name (for documents)',
    save: 'Save',
    saved: 'Office identity saved.',
    system: 'System',
    version: 'Version',
    dataDir: 'Data folder',
    schema: 'Database schema version',
    catalog: 'Procedure catalogue',
  },
};

export const settingsMessages = { vi, en };
