import type { MessageTable } from './message-table';

/** Barcode scanners (scanners.md §1) and the scans of the counter session. */
export const deviceErrors = {
  SCAN_NOT_FOUND: {
    vi: 'Lượt quét này không còn trong phiên làm việc (chỉ giữ 20 lượt gần nhất, mất khi khởi động lại ứng dụng). Hãy quét lại thẻ.',
    en: 'This scan is no longer in the session (only the last 20 are kept, and none across restarts). Scan the card again.',
  },
  SCAN_NO_CITIZEN: {
    vi: 'Lượt quét này không đọc được thông tin công dân nên không có gì để hiển thị hay in. Hãy quét lại mã QR trên thẻ.',
    en: 'This scan holds no citizen data, so there is nothing to show or print. Scan the card QR again.',
  },
  SCAN_NO_OLD_ID: {
    vi: 'Mã QR của thẻ này không có số CMND cũ (công dân chưa từng được cấp CMND 9 số), nên không có giấy xác nhận để in.',
    en: 'This card QR holds no old 9-digit ID number, so there is no confirmation slip to print.',
  },
  SCAN_DISCARDED: {
    vi: 'Máy quét bị ngắt hoặc dữ liệu quét bất thường giữa lúc đang gửi; phần dữ liệu dở đã được bỏ, không có gì được lưu. Hãy quét lại thẻ.',
    en: 'The scanner was cut off or sent abnormal data mid-scan; the partial scan was dropped and nothing was saved. Scan the card again.',
  },
  DEVICE_GONE: {
    vi: 'Máy quét đã bị rút ra hoặc mất kết nối. Hãy cắm lại: ứng dụng tự nhận lại máy quét, không cần khởi động lại.',
    en: 'The scanner was unplugged or lost its connection. Plug it back in: the app picks it up again without a restart.',
  },
  SERIAL_OPEN_FAILED: {
    vi: 'Không mở được cổng COM của máy quét: cổng đang được chương trình khác dùng, không có quyền (Linux: thêm người dùng vào nhóm dialout) hoặc sai tên cổng. Kiểm tra ở trang Thiết bị.',
    en: 'Could not open the scanner’s serial port: it is used by another program, access is denied (Linux: add the user to the dialout group) or the name is wrong. Check the Devices page.',
  },
  HID_OPEN_FAILED: {
    vi: 'Không mở được máy quét HID POS. Trên Linux cần quy tắc udev cho phép đọc /dev/hidraw* (xem README); trên Windows hãy kiểm tra máy quét không bị chương trình khác chiếm.',
    en: 'Could not open the HID POS scanner. On Linux a udev rule must allow reading /dev/hidraw* (see the README); on Windows check no other program holds the scanner.',
  },
  HID_UNAVAILABLE: {
    vi: 'Không tải được thư viện đọc thiết bị HID (node-hid) trên máy này; máy quét HID POS không dùng được. Hãy dùng chế độ cổng COM hoặc báo bộ phận CNTT.',
    en: 'The HID device library (node-hid) could not load on this machine; HID POS scanners cannot be used. Use serial mode or contact IT.',
  },
  SERIAL_UNAVAILABLE: {
    vi: 'Không liệt kê được cổng COM trên máy này. Hãy báo bộ phận CNTT.',
    en: 'The serial ports of this machine could not be listed. Contact IT.',
  },
  DOCUMENT_WRITE_FAILED: {
    vi: 'Không tạo hoặc không ghi được tệp PDF vào thư mục dữ liệu. Kiểm tra dung lượng đĩa và quyền ghi; dữ liệu đã lưu không bị ảnh hưởng.',
    en: 'The PDF could not be created or written to the data folder. Check disk space and permissions; saved data is unaffected.',
  },
} as const satisfies MessageTable;
