/**
 * What the desktop app says on the desktop about an autofill run. A run started with the hotkey
 * happens while the province's form covers our window, so the countdown the issue requires to
 * be "shown on screen" (and the outcome) also go out as desktop notifications, which never take
 * the keyboard focus from the form. Pure: autofill-host.ts shows them.
 */
import type { RunState } from '../api/autofill-schemas';

export interface Notice {
  title: string;
  body: string;
}

export function runNotice(run: RunState, now: number): Notice | null {
  switch (run.phase) {
    case 'countdown': {
      const seconds = Math.max(0, Math.ceil((run.countdownEndsAt - now) / 1000));
      return {
        title: `Điền biểu mẫu sau ${seconds} giây`,
        body: `Mẫu “${run.templateName}” sẽ được điền vào ô đang chọn. ${
          run.escToAbort ? 'Nhấn Esc để dừng.' : 'Bấm sang cửa sổ khác để dừng.'
        }`,
      };
    }
    case 'typing':
      return null;
    case 'done':
      return {
        title: `Đã điền ${run.fields} trường`,
        body: `Mẫu “${run.templateName}”. Hãy kiểm tra biểu mẫu trước khi gửi.`,
      };
    case 'aborted':
    case 'failed':
      return {
        title: run.phase === 'aborted' ? 'Đã dừng điền biểu mẫu' : 'Điền biểu mẫu không thành công',
        body: run.error?.message ?? '',
      };
  }
}

/** The hotkey started nothing: no citizen on the Counter page, or the start was refused there. */
export const HOTKEY_IDLE_NOTICE: Notice = {
  title: 'Ctrl+Alt+F chưa điền gì',
  body: 'Mở trang Quầy với công dân cần điền (lý do, nếu có, hiện trên cửa sổ Một Cửa Desk), rồi bấm vào ô đầu tiên của biểu mẫu và nhấn lại.',
};

/** Time the Counter page has to answer the hotkey with a countdown before we say it did not. */
export const HOTKEY_GRACE_MS = 1500;
