import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldHolds, pasteProblem } from '../../../native/autofill/paste-check';
import type { PasteOutcome } from '../../../native/autofill/ports';

const NAME = 'Trần Thị Ngọc Hường';

describe('fieldHolds: what the form copied back against what was pasted', () => {
  it.each([
    ['exact', NAME, NAME, true, true],
    ['decomposed (NFD) copy of the same name', NAME.normalize('NFD'), NAME, true, true],
    ['capitals (a name field that upper-cases)', 'TRẦN THỊ NGỌC HƯỜNG', NAME, true, true],
    [
      'an <input> that drops the line break',
      'Số 12, Phường Hồng Gai',
      'Số 12,\nPhường Hồng Gai',
      true,
      true,
    ],
    ['cut short by maxlength', '09', '09/11/2003', true, false],
    ['diacritics stripped by the form', 'Tran Thi Ngoc Huong', NAME, true, false],
    ['old text kept in replace mode', `${NAME} cũ`, NAME, true, false],
    ['old text kept, append mode', `Bà ${NAME}`, NAME, false, true],
    ['append mode, value missing', 'Bà', NAME, false, false],
    ['not text at all', null, NAME, true, false],
    [
      'a whole page selected (focus on a button)',
      `Thông tin\nHọ và tên\nGửi hồ sơ`,
      NAME,
      true,
      false,
    ],
  ] as const)('%s', (_label, field, sent, replaced, holds) => {
    expect(fieldHolds(field, sent, replaced)).toBe(holds);
  });

  it('a field holding exactly the value always passes, in both modes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.boolean(), (text, replaced) =>
        fieldHolds(text, text, replaced),
      ),
    );
  });

  it('a field missing a character of a value never passes', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-zà-ỹ0-9/]{2,20}$/u),
        fc.nat(),
        fc.boolean(),
        (text, at, replaced) => {
          const cut = at % text.length;
          const field = text.slice(0, cut) + text.slice(cut + 1);
          return !fieldHolds(field, text, replaced);
        },
      ),
    );
  });
});

describe('pasteProblem: the outcome decides the error code', () => {
  const copied = (fieldText: string | null, reads: number): PasteOutcome => ({
    kind: 'copied',
    fieldText,
    reads,
  });
  it.each([
    ['confirmed', copied(NAME, 2), null],
    [
      'the form never read it and the copy shows something else',
      copied('Gửi', 0),
      'AUTOFILL_PASTE_NOT_TAKEN',
    ],
    ['read, but the field holds something else', copied('Trần', 2), 'AUTOFILL_FIELD_MISMATCH'],
    ['no copy back, never read', { kind: 'no-copy', reads: 0 }, 'AUTOFILL_PASTE_NOT_TAKEN'],
    ['no copy back after reads', { kind: 'no-copy', reads: 2 }, 'AUTOFILL_PASTE_UNCONFIRMED'],
    [
      'another program took the clipboard',
      { kind: 'interfered', reads: 1 },
      'AUTOFILL_CLIPBOARD_TAKEN',
    ],
    ['Windows/macOS settle delay', { kind: 'settled' }, null],
  ] as const)('%s', (_label, outcome, code) => {
    expect(pasteProblem(outcome, NAME, true)).toBe(code);
  });
});
