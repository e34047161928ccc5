import type { MessageTable } from './message-table';

/** The workstation's side of upward sync (docs/sync-protocol.md). */
export const syncErrors = {
  SYNC_NOT_CONFIGURED: {
    vi: 'Chưa đăng ký gửi số liệu lên cấp trên. Vào trang Đồng bộ, nhập địa chỉ máy chủ và mã đăng ký do cấp trên cấp.',
    en: 'No upper-level hub is enrolled yet. On the Sync page enter the hub address and the enrollment code from the upper level.',
  },
  SYNC_RECIPIENT_NOT_FOUND: {
    vi: 'Không tìm thấy nơi nhận số liệu này; có thể đã bị xóa. Hãy tải lại trang Đồng bộ.',
    en: 'This recipient no longer exists; it may have been removed. Reload the Sync page.',
  },
  SYNC_HUB_URL_INVALID: {
    vi: 'Địa chỉ máy chủ không hợp lệ. Nhập dạng https://ten-may-chu/ hoặc http://địa-chỉ-IP:cổng/.',
    en: 'The hub address is invalid. Use https://host/ or http://ip-address:port/.',
  },
  SYNC_KEY_MISSING: {
    vi: 'Không đọc được khóa ký của cơ quan trên máy này (tệp khóa bị xóa hoặc hỏng). Số liệu vẫn được giữ; hãy đăng ký lại với cấp trên để tạo khóa mới.',
    en: 'The office signing key cannot be read on this computer (file deleted or damaged). Data is kept; enroll again to create a new key.',
  },
  SYNC_HUB_UNREACHABLE: {
    vi: 'Không kết nối được máy chủ cấp trên (mất mạng hoặc máy chủ tắt). Số liệu được giữ nguyên và sẽ tự gửi lại khi có kết nối.',
    en: 'Cannot reach the upper-level hub (network down or hub off). Data is kept and will be sent automatically when it is back.',
  },
  SYNC_HUB_TIMEOUT: {
    vi: 'Máy chủ cấp trên không trả lời kịp (mạng chậm). Số liệu được giữ nguyên và sẽ tự gửi lại.',
    en: 'The upper-level hub did not answer in time (slow network). Data is kept and will be sent again.',
  },
  SYNC_HUB_GARBAGE: {
    vi: 'Máy chủ trả lời không đúng giao thức (có thể sai địa chỉ, hoặc mạng chuyển hướng sang trang đăng nhập Wi-Fi). Số liệu được giữ nguyên; hãy kiểm tra địa chỉ máy chủ.',
    en: 'The hub answered outside the protocol (wrong address, or a Wi-Fi login page in the way). Data is kept; check the hub address.',
  },
  SYNC_HUB_SERVER_ERROR: {
    vi: 'Máy chủ cấp trên đang gặp sự cố. Số liệu được giữ nguyên và sẽ tự gửi lại; nếu kéo dài, hãy báo quản trị máy chủ.',
    en: 'The upper-level hub has a fault. Data is kept and will be sent again; if it persists, tell the hub administrator.',
  },
  SYNC_HUB_REJECTED: {
    vi: 'Máy chủ cấp trên từ chối số liệu với một mã lỗi mà phiên bản này không biết. Số liệu được giữ nguyên; hãy cập nhật ứng dụng hoặc báo quản trị máy chủ.',
    en: 'The hub refused the data with an error this version does not know. Data is kept; update the app or tell the hub administrator.',
  },
  SYNC_TLS_UNTRUSTED: {
    vi: 'Chứng chỉ bảo mật (HTTPS) của máy chủ không đáng tin cậy hoặc không khớp tên miền. Số liệu chưa được gửi; hãy báo quản trị máy chủ hoặc khai báo chứng chỉ/ CA riêng trong cấu hình đồng bộ.',
    en: 'The hub’s HTTPS certificate is not trusted or does not match its name. Nothing was sent; tell the hub administrator or configure its CA in the sync settings.',
  },
  SYNC_TLS_PIN_MISMATCH: {
    vi: 'Chứng chỉ của máy chủ khác với dấu vân tay đã khai báo: có thể máy chủ đã đổi chứng chỉ, hoặc có máy giả mạo. Số liệu chưa được gửi; hãy hỏi quản trị máy chủ dấu vân tay mới.',
    en: 'The hub’s certificate differs from the pinned fingerprint: it was replaced, or someone is impersonating it. Nothing was sent; ask the hub administrator for the new fingerprint.',
  },
  SYNC_ALREADY_RUNNING: {
    vi: 'Một lần gửi số liệu đang chạy; kết quả sẽ hiện khi xong.',
    en: 'A sync is already running; its result will show when it finishes.',
  },
} as const satisfies MessageTable;
