import type { MessageTable } from './message-table';

/** Autofill: templates, their checks, and the typing engine (native/autofill). */
export const autofillErrors = {
  AUTOFILL_TEMPLATE_NOT_FOUND: {
    vi: 'Không tìm thấy mẫu điền biểu mẫu đã chọn. Hãy chọn lại mẫu trong danh sách.',
    en: 'The selected autofill template was not found. Choose a template from the list again.',
  },
  AUTOFILL_TEMPLATE_INVALID: {
    vi: 'Mẫu điền biểu mẫu có bước không hợp lệ (trường không tồn tại, phím không hỗ trợ hoặc định dạng ngày sai). Hãy sửa mẫu trong Cài đặt › Điền biểu mẫu.',
    en: 'The autofill template has an invalid step (unknown field, unsupported key or bad date format). Fix it under Settings › Form autofill.',
  },
  AUTOFILL_TEMPLATE_NAME_TAKEN: {
    vi: 'Đã có mẫu khác cùng tên. Hãy đặt tên khác.',
    en: 'Another template has this name. Choose a different name.',
  },
  AUTOFILL_IMPORT_INVALID: {
    vi: 'Tệp nhập không phải tệp mẫu điền biểu mẫu hợp lệ (JSON do Một Cửa Desk xuất). Không mẫu nào được thêm.',
    en: 'The file is not a valid autofill template export (JSON from Một Cửa Desk). No template was added.',
  },
  AUTOFILL_CITIZEN_NOT_FOUND: {
    vi: 'Không có công dân với số định danh này trong dữ liệu của máy. Hãy tiếp nhận hồ sơ trước hoặc kiểm tra lại số.',
    en: 'No citizen with this ID number is stored on this workstation. Receive a dossier first or check the number.',
  },
  AUTOFILL_FIELD_MISSING: {
    vi: 'Hồ sơ thiếu dữ liệu cho một số trường của mẫu (xem danh sách). Không có gì được điền. Hãy bổ sung dữ liệu hoặc đánh dấu trường đó là "có thể trống" trong mẫu.',
    en: 'The record lacks values for some template fields (see the list). Nothing was typed. Add the data or mark the field optional in the template.',
  },
  AUTOFILL_ID_NOT_REVEALED: {
    vi: 'Mẫu này điền số định danh cá nhân, nhưng số đang bị che. Hãy bấm "Hiện số" trên thẻ công dân (thao tác được ghi nhật ký) rồi chạy lại.',
    en: 'This template types the personal ID number, which is masked. Click "Show number" on the citizen card (logged) and run again.',
  },
  AUTOFILL_CANNOT_TYPE: {
    vi: 'Có bước ở chế độ gõ phím chứa ký tự tiếng Việt mà hệ thống này không gõ được. Không có gì được điền. Hãy chuyển bước đó sang chế độ dán.',
    en: 'A step in typing mode contains Vietnamese characters this system cannot type. Nothing was typed. Switch that step to paste mode.',
  },
  AUTOFILL_BUSY: {
    vi: 'Đang có một lượt điền biểu mẫu khác. Hãy chờ xong hoặc nhấn Esc để dừng.',
    en: 'Another autofill run is in progress. Wait for it or press Esc to stop it.',
  },
  AUTOFILL_NO_DISPLAY: {
    vi: 'Không có màn hình đồ họa để điền biểu mẫu (chạy từ máy chủ không màn hình, hoặc phiên Wayland không có X11). Không có gì được điền.',
    en: 'No graphical display to type into (headless server, or a Wayland session without X11). Nothing was typed.',
  },
  AUTOFILL_UNAVAILABLE: {
    vi: 'Không nạp được thành phần gõ phím (nut-js) trên hệ điều hành này. Không có gì được điền; hãy báo bộ phận CNTT.',
    en: 'The typing component (nut-js) could not be loaded on this system. Nothing was typed; contact IT.',
  },
  AUTOFILL_NO_TARGET_WINDOW: {
    vi: 'Không có cửa sổ nào đang nhận bàn phím. Hãy bấm vào ô đầu tiên của biểu mẫu trước khi hết đếm ngược. Không có gì được điền.',
    en: 'No window has keyboard focus. Click the form’s first field before the countdown ends. Nothing was typed.',
  },
  AUTOFILL_OWN_WINDOW: {
    vi: 'Cửa sổ Một Cửa Desk đang được chọn nên không điền. Hãy bấm vào ô đầu tiên của biểu mẫu trên cổng dịch vụ công trước khi hết đếm ngược.',
    en: 'The Một Cửa Desk window has focus, so nothing was typed. Click the first field of the portal’s form before the countdown ends.',
  },
  AUTOFILL_FOCUS_CHANGED: {
    vi: 'Cửa sổ đang nhận bàn phím đã thay đổi giữa chừng nên đã dừng điền. Hãy kiểm tra biểu mẫu và chạy lại.',
    en: 'The focused window changed mid-run, so typing stopped. Check the form and run again.',
  },
  AUTOFILL_ABORTED: {
    vi: 'Đã dừng điền biểu mẫu theo yêu cầu (Esc). Các ô đã điền vẫn giữ nguyên; hãy kiểm tra biểu mẫu.',
    en: 'Autofill stopped on request (Esc). Fields already filled are kept; check the form.',
  },
  AUTOFILL_ESC_UNAVAILABLE: {
    vi: 'Không lắng nghe được phím Esc để dừng khẩn cấp, nên không điền. Trên Linux cần gói "xinput"; hãy báo bộ phận CNTT.',
    en: 'Cannot listen for the Esc abort key, so nothing was typed. On Linux the "xinput" package is needed; contact IT.',
  },
  AUTOFILL_CLIPBOARD_FAILED: {
    vi: 'Không dùng được bộ nhớ tạm (clipboard) để dán. Trên Linux cần gói "xsel". Hãy thử lại hoặc dùng chế độ gõ phím.',
    en: 'The clipboard could not be used for pasting. On Linux the "xsel" package is needed. Try again or use typing mode.',
  },
  AUTOFILL_PASTE_NOT_TAKEN: {
    vi: 'Ô đang chọn trên biểu mẫu không nhận dữ liệu dán nên đã dừng. Hãy kiểm tra thứ tự phím Tab của mẫu, hoặc dùng chế độ gõ phím cho bước đó.',
    en: 'The focused form field did not accept the paste, so typing stopped. Check the template’s Tab order, or use typing mode for that step.',
  },
  AUTOFILL_PASTE_UNCONFIRMED: {
    vi: 'Không xác nhận được ô trên biểu mẫu đã nhận đúng dữ liệu dán (ô không cho chép lại nội dung, ví dụ ô mật khẩu, hoặc trang phản hồi quá chậm) nên đã dừng. Hãy kiểm tra ô đó; với ô như vậy, dùng chế độ gõ phím cho bước đó.',
    en: 'Could not confirm that the form field received the pasted value (the field does not allow copying, e.g. a password field, or the page answered too slowly), so typing stopped. Check that field; for such a field use typing mode for that step.',
  },
  AUTOFILL_FIELD_MISMATCH: {
    vi: 'Chỗ đang chọn trên biểu mẫu không giữ đúng giá trị vừa dán nên đã dừng điền: con trỏ không ở một ô nhập (hãy kiểm tra thứ tự phím Tab của mẫu), hoặc ô đã cắt bớt độ dài, tự đổi nội dung hay còn chữ cũ. Hãy kiểm tra và sửa ô đó bằng tay, rồi điều chỉnh mẫu nếu cần.',
    en: 'The focused part of the form does not hold the value just pasted, so typing stopped: the caret was not in an input field (check the template’s Tab order), or the field cut the value short, changed it or kept old text. Check and correct that field by hand, then adjust the template if needed.',
  },
  AUTOFILL_CLIPBOARD_TAKEN: {
    vi: 'Một chương trình khác (ví dụ trình quản lý clipboard) đã chiếm bộ nhớ tạm trong lúc đang dán nên đã dừng để tránh dán nhầm dữ liệu. Hãy kiểm tra biểu mẫu, tắt chương trình đó nếu có, rồi chạy lại.',
    en: 'Another program (a clipboard manager, for example) took the clipboard while a value was being pasted, so typing stopped to avoid pasting the wrong data. Check the form, close that program if any, and run again.',
  },
} as const satisfies MessageTable;
