import type { MessageTable } from './message-table';

/**
 * What a hub answers (HTTP 4xx/5xx with one of these codes). The workstation shows the same
 * message when a hub refuses its data, so each says what the office or the hub admin should do.
 */
export const hubErrors = {
  HUB_MALFORMED_JSON: {
    vi: 'Máy chủ nhận được dữ liệu không phải JSON hợp lệ (UTF-8).',
    en: 'The hub received data that is not valid JSON (UTF-8).',
  },
  HUB_INVALID_BATCH: {
    vi: 'Lô số liệu gửi lên sai cấu trúc giao thức (trường thiếu, thừa hoặc ngoài giới hạn). Hãy cập nhật ứng dụng.',
    en: 'The batch does not match the protocol (missing, extra or out-of-range fields). Update the app.',
  },
  HUB_UNSUPPORTED_VERSION: {
    vi: 'Máy chủ không hỗ trợ phiên bản giao thức đồng bộ này. Hãy cập nhật ứng dụng hoặc máy chủ cho cùng phiên bản.',
    en: 'The hub does not support this sync protocol version. Update the app or the hub to match.',
  },
  HUB_BODY_TOO_LARGE: {
    vi: 'Lô số liệu vượt quá dung lượng máy chủ cho phép; ứng dụng sẽ tự chia nhỏ.',
    en: 'The batch is larger than the hub accepts; the app splits it automatically.',
  },
  HUB_UNSUPPORTED_MEDIA_TYPE: {
    vi: 'Máy chủ chỉ nhận dữ liệu dạng application/json.',
    en: 'The hub accepts only application/json.',
  },
  HUB_UNKNOWN_OFFICE: {
    vi: 'Cơ quan này chưa được đăng ký tại máy chủ cấp trên. Hãy đề nghị quản trị máy chủ cấp mã đăng ký (hub enroll).',
    en: 'This office is not enrolled at the hub. Ask the hub administrator for an enrollment code (hub enroll).',
  },
  HUB_UNKNOWN_KEY: {
    vi: 'Máy chủ không biết khóa ký này của cơ quan (khóa chưa đăng ký hoặc đã được thay). Hãy đăng ký lại với mã mới.',
    en: 'The hub does not know this office key (never enrolled or replaced). Enroll again with a new code.',
  },
  HUB_KEY_REVOKED: {
    vi: 'Khóa ký của cơ quan đã bị thu hồi tại máy chủ cấp trên. Số liệu được giữ nguyên; hãy xin mã đăng ký mới và đăng ký lại.',
    en: 'The office key was revoked at the hub. Data is kept; get a new enrollment code and enroll again.',
  },
  HUB_BAD_SIGNATURE: {
    vi: 'Chữ ký số của lô số liệu không khớp với khóa đã đăng ký (khóa không khớp hoặc dữ liệu bị sửa trên đường truyền). Số liệu được giữ nguyên.',
    en: 'The batch signature does not match the enrolled key (key mismatch or data altered in transit). Data is kept.',
  },
  HUB_CLOCK_SKEW: {
    vi: 'Đồng hồ máy tính này lệch quá nhiều so với máy chủ. Hãy chỉnh lại ngày giờ hệ thống (múi giờ Việt Nam); số liệu được giữ nguyên và sẽ gửi khi giờ đúng.',
    en: 'This computer’s clock is too far from the hub’s. Correct the system date and time; data is kept and sent once it is right.',
  },
  HUB_BATCH_REPLAYED: {
    vi: 'Lô số liệu này đã được máy chủ nhận trước đó (gửi lặp); lô trùng bị bỏ qua.',
    en: 'The hub already received this batch (a repeat); the copy was ignored.',
  },
  HUB_REVISION_ROLLBACK: {
    vi: 'Máy chủ đang giữ số liệu mới hơn cho một số ngày (có thể cơ sở dữ liệu máy này đã được khôi phục từ bản sao lưu). Lô bị từ chối; ứng dụng sẽ gửi lại với phiên bản mới.',
    en: 'The hub holds newer figures for some days (this database may have been restored from a backup). The batch was refused; the app re-sends with new revisions.',
  },
  HUB_ENROLL_CODE_INVALID: {
    vi: 'Mã đăng ký không đúng. Hãy kiểm tra lại mã do quản trị máy chủ cấp (dạng XXXX-XXXX-XXXX).',
    en: 'The enrollment code is wrong. Check the code from the hub administrator (XXXX-XXXX-XXXX).',
  },
  HUB_ENROLL_CODE_USED: {
    vi: 'Mã đăng ký này đã được dùng. Mỗi mã chỉ dùng một lần; hãy xin mã mới.',
    en: 'This enrollment code was already used. Each code works once; ask for a new one.',
  },
  HUB_ENROLL_CODE_EXPIRED: {
    vi: 'Mã đăng ký đã hết hạn. Hãy xin quản trị máy chủ cấp mã mới.',
    en: 'The enrollment code has expired. Ask the hub administrator for a new one.',
  },
  HUB_ENROLL_OFFICE_MISMATCH: {
    vi: 'Mã đăng ký được cấp cho một cơ quan khác. Hãy kiểm tra mã cơ quan trong Cài đặt hoặc xin mã đúng.',
    en: 'The enrollment code was issued for another office. Check the office code in Settings or ask for the right code.',
  },
  HUB_UNAUTHORIZED: {
    vi: 'Cần mã truy cập để xem số liệu tổng hợp của máy chủ.',
    en: 'An access token is required to read the hub’s totals.',
  },
  HUB_NOT_FOUND: {
    vi: 'Đường dẫn không tồn tại trên máy chủ đồng bộ.',
    en: 'No such path on the sync hub.',
  },
  HUB_METHOD_NOT_ALLOWED: {
    vi: 'Phương thức HTTP không được hỗ trợ cho đường dẫn này.',
    en: 'The HTTP method is not allowed for this path.',
  },
  HUB_BAD_QUERY: {
    vi: 'Tham số truy vấn không hợp lệ (ngày dạng YYYY-MM-DD, từ ngày không sau đến ngày).',
    en: 'Invalid query parameters (days as YYYY-MM-DD, from not after to).',
  },
  HUB_DB_UNAVAILABLE: {
    vi: 'Cơ sở dữ liệu của máy chủ tạm thời không dùng được. Máy trạm sẽ tự gửi lại sau.',
    en: 'The hub’s database is temporarily unavailable. Workstations will retry later.',
  },
  HUB_DB_URL_INVALID: {
    vi: 'Chuỗi kết nối cơ sở dữ liệu của máy chủ không hợp lệ. Dùng sqlite:ĐƯỜNG_DẪN hoặc postgres://người_dùng@máy:cổng/tên_csdl.',
    en: 'Invalid hub database URL. Use sqlite:PATH or postgres://user@host:port/dbname.',
  },
  HUB_OFFICE_NOT_FOUND: {
    vi: 'Không có cơ quan với mã này trên máy chủ.',
    en: 'No office with this code on the hub.',
  },
  HUB_KEY_INVALID: {
    vi: 'Khóa công khai không hợp lệ (cần 32 byte Ed25519 dạng base64).',
    en: 'Invalid public key (32-byte Ed25519 in base64 expected).',
  },
  HUB_UPLINK_NOT_CONFIGURED: {
    vi: 'Máy chủ này chưa được đăng ký gửi số liệu tổng hợp lên cấp trên (hub uplink enroll).',
    en: 'This hub is not enrolled to forward its rollup upward (hub uplink enroll).',
  },
} as const satisfies MessageTable;
