/**
 * Did the field get the value? Decided from what the target copied back after the paste
 * (ports.ts, PasteOutcome). Forms may change case (a name field in capitals) or spacing (an
 * <input> drops line breaks); anything else — a field that cut the value short (maxlength),
 * a mask that dropped characters, a field that kept other text — is a different value in the
 * citizen's record, and the run stops so the clerk looks at that field.
 */
import type { AutofillErrorCode } from './autofill-error';
import type { PasteOutcome } from './ports';

function comparable(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('vi');
}

/** `replaced`: the field was selected before the paste, so it must hold exactly the value. */
export function fieldHolds(fieldText: string | null, sent: string, replaced: boolean): boolean {
  if (fieldText === null) return false;
  const field = comparable(fieldText);
  const value = comparable(sent);
  return replaced ? field === value : field.includes(value);
}

export function pasteProblem(
  outcome: PasteOutcome,
  sent: string,
  replaced: boolean,
): AutofillErrorCode | null {
  switch (outcome.kind) {
    case 'settled':
      return null;
    case 'interfered':
      return 'AUTOFILL_CLIPBOARD_TAKEN';
    case 'no-copy':
      return outcome.reads === 0 ? 'AUTOFILL_PASTE_NOT_TAKEN' : 'AUTOFILL_PASTE_UNCONFIRMED';
    case 'copied':
      if (fieldHolds(outcome.fieldText, sent, replaced)) return null;
      return outcome.reads === 0 ? 'AUTOFILL_PASTE_NOT_TAKEN' : 'AUTOFILL_FIELD_MISMATCH';
  }
}
