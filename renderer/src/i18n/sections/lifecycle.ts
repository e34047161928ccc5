import type { Widen } from '../define-messages';

/** Words shared by the Dashboard, Catalogue and Dossiers pages. */
const vi = {
  level: { full: 'Toàn trình', partial: 'Một phần', info_only: 'Chỉ thông tin', none: 'Chưa có' },
  levelStatus: { met: 'Đạt', on_track: 'Đúng tiến độ', overdue: 'Quá hạn' },
  group: { bca: 'Bộ Công an', commune: 'Cấp xã', sector: 'Ngành khác' },
  channel: {
    in_person: 'Trực tiếp',
    online_assisted: 'Hỗ trợ nộp trực tuyến',
    postal: 'Bưu chính',
  },
  dossierStatus: {
    received: 'Đã tiếp nhận',
    processing: 'Đang xử lý',
    done: 'Hoàn thành',
    returned: 'Trả lại',
    cancelled: 'Đã hủy',
  },
  timeliness: {
    in_time: 'Còn hạn',
    overdue: 'Quá hạn',
    on_time: 'Đúng hạn',
    late: 'Trễ hạn',
    no_deadline: 'Không có hạn',
    cancelled: 'Đã hủy',
  },
  assisted: {
    submitted: 'Nộp thành công',
    failed: 'Không thành công',
    pending: 'Chưa ghi kết quả',
  },
  indicator: {
    onTimeRate: 'Đúng hạn',
    onlineShare: 'Trực tuyến',
    inPersonShare: 'Trực tiếp',
    postalShare: 'Bưu chính',
    fullOnlineShare: 'Toàn trình',
    assistedSuccessRate: 'Hỗ trợ nộp thành công',
    fraction: '{{numerator}} / {{denominator}}',
    noData: 'Không có hồ sơ để tính',
  },
} as const;

const en: Widen<typeof vi> = {
  level: { full: 'Full online', partial: 'Partial', info_only: 'Information only', none: 'None' },
  levelStatus: { met: 'Met', on_track: 'On track', overdue: 'Overdue' },
  group: { bca: 'Ministry of Public Security', commune: 'Commune', sector: 'Other sectors' },
  channel: { in_person: 'In person', online_assisted: 'Assisted online filing', postal: 'Postal' },
  dossierStatus: {
    received: 'Received',
    processing: 'Processing',
    done: 'Done',
    returned: 'Returned',
    cancelled: 'Cancelled',
  },
  timeliness: {
    in_time: 'Within due',
    overdue: 'Overdue',
    on_time: 'On time',
    late: 'Late',
    no_deadline: 'No deadline',
    cancelled: 'Cancelled',
  },
  assisted: { submitted: 'Submitted', failed: 'Failed', pending: 'No outcome yet' },
  indicator: {
    onTimeRate: 'On time',
    onlineShare: 'Online',
    inPersonShare: 'In person',
    postalShare: 'Postal',
    fullOnlineShare: 'Full online',
    assistedSuccessRate: 'Assisted filing success',
    fraction: '{{numerator}} / {{denominator}}',
    noData: 'No dossiers to compute from',
  },
};

export const lifecycleMessages = { vi, en };
