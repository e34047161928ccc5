/**
 * Pieces of a chip read that need no service state: the access key from the contract's input,
 * the hash that keys refusal counters, progress percentages, and the first reader enumeration.
 */
import { createHash } from 'node:crypto';
import { ChipError } from '../../../native/cccd/chip/chip-error';
import type { AccessKey, ReadProgress } from '../../../native/cccd/chip/read-id-card';
import { parseTd1 } from '../../../native/cccd/mrz';
import type { PcscReaders } from '../../../native/pcsc/pcsc-readers';
import type { AccessKeyInput } from '../../api/calls/chip';
import { AppError } from '../../api/errors';

export function toAccessKey(input: AccessKeyInput): AccessKey {
  if (input.kind === 'can') return { kind: 'can', can: input.can };
  if (input.kind === 'mrz-fields')
    return {
      kind: 'mrz',
      documentNumber: input.documentNumber,
      birthDate: input.birthDate,
      expiryDate: input.expiryDate,
    };
  const parsed = parseTd1(input.mrz);
  if (!parsed.ok) throw new AppError('CHIP_MRZ_INVALID', { ...parsed.error });
  const { documentNumber, birthDate, expiryDate } = parsed.mrz;
  return { kind: 'mrz', documentNumber, birthDate, expiryDate };
}

/** Counters are keyed by a hash of the key material, never the value (it derives from the ID). */
export function keyHash(key: AccessKey): string {
  const material =
    key.kind === 'can'
      ? `can:${key.can}`
      : `mrz:${key.documentNumber}|${key.birthDate}|${key.expiryDate}`;
  return createHash('sha256').update(material).digest('hex');
}

const PLANNED_FILES = ['EF.COM', 'DG14', 'DG1', 'DG2', 'DG13', 'DG15', 'EF.SOD'];

export function percentOf(p: ReadProgress): number {
  if (p.step === 'access') return 5;
  if (p.step === 'chip-auth') return 30;
  if (p.step === 'active-auth') return 92;
  const index = Math.max(0, PLANNED_FILES.indexOf(p.file ?? ''));
  const within = p.bytesTotal ? (p.bytesRead ?? 0) / p.bytesTotal : 0;
  return Math.min(90, Math.round(10 + (80 * (index + Math.min(1, within))) / PLANNED_FILES.length));
}

export function lengthProblem(error: unknown): boolean {
  return (
    error instanceof ChipError &&
    (error.code === 'CHIP_TRANSPORT_FAILED' ||
      (error.code === 'CHIP_STATUS_UNEXPECTED' && error.details?.lengthRefused === true))
  );
}

/**
 * Waits for the first enumeration: readers, and whether a card lies on each, arrive
 * asynchronously after the context opens (none at all ends by the timeout).
 */
export function firstEnumeration(r: PcscReaders, timeoutMs: number): Promise<void> {
  const settled = () => r.readers().length > 0 && r.pending() === 0;
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    const off = r.subscribe(() => {
      if (settled()) done();
    });
    function done() {
      clearTimeout(timer);
      off();
      resolve();
    }
  });
}
