import type { Widen } from '../define-messages';

const vi = {
  app: {
    title: 'Một Cửa Desk',
    subtitle: 'Bộ phận một cửa — Đề án 06',
    loading: 'Đang tải…',
    language: 'Ngôn ngữ',
    startupFailed: 'Ứng dụng không mở được cơ sở dữ liệu',
    startupHint: 'Dữ liệu đã lưu không bị thay đổi. Hãy báo bộ phận CNTT kèm mã lỗi dưới đây.',
    errorCode: 'Mã lỗi',
    browserMode: 'Chế độ trình duyệt',
  },
  nav: {
    dashboard: 'Tổng quan',
    dossiers: 'Hồ sơ',
    catalog: 'Danh mục TTHC',
    counter: 'Quầy tiếp nhận',
    devices: 'Thiết bị',
    settings: 'Cài đặt',
  },
} as const;

const en: Widen<typeof vi> = {
  app: {
    title: 'Một Cửa Desk',
    subtitle: 'One-stop desk — Project 06',
    loading: 'Loading…',
    language: 'Language',
    startupFailed: 'The app could not open its database',
    startupHint: 'Saved data was not changed. Report the error code below to IT.',
    errorCode: 'Error code',
    browserMode: 'Browser mode',
  },
  nav: {
    dashboard: 'Overview',
    dossiers: 'Dossiers',
    catalog: 'Procedures',
    counter: 'Counter',
    devices: 'Devices',
    settings: 'Settings',
  },
};

export const appMessages = { vi, en };
