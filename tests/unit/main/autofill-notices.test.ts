import { describe, expect, it } from 'vitest';
import type { RunState } from '../../../electron/api/autofill-schemas';
import { runNotice } from '../../../electron/main/autofill-notices';

const base: RunState = {
  runId: 'r1',
  templateId: 'builtin-generic',
  templateName: 'Chung',
  phase: 'countdown',
  countdownEndsAt: 10_000,
  fields: 6,
  done: 0,
  total: 11,
  escToAbort: true,
  error: null,
  durationMs: null,
  fieldMs: [],
};

describe('desktop notices for autofill runs (hotkey runs happen behind the form)', () => {
  it('announces the countdown with the seconds left and how to stop', () => {
    expect(runNotice(base, 7_100)).toEqual({
      title: 'Điền biểu mẫu sau 3 giây',
      body: 'Mẫu “Chung” sẽ được điền vào ô đang chọn. Nhấn Esc để dừng.',
    });
    expect(runNotice({ ...base, escToAbort: false }, 9_999)?.body).toMatch(/Bấm sang cửa sổ khác/);
  });

  it('stays quiet while typing, then gives the outcome', () => {
    expect(runNotice({ ...base, phase: 'typing' }, 0)).toBeNull();
    expect(runNotice({ ...base, phase: 'done' }, 0)?.title).toBe('Đã điền 6 trường');
    const error = { code: 'AUTOFILL_FIELD_MISMATCH', message: 'Chỗ đang chọn …' };
    expect(runNotice({ ...base, phase: 'failed', error }, 0)).toEqual({
      title: 'Điền biểu mẫu không thành công',
      body: 'Chỗ đang chọn …',
    });
    expect(runNotice({ ...base, phase: 'aborted', error }, 0)?.title).toBe('Đã dừng điền biểu mẫu');
  });
});
