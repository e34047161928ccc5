/**
 * Chip reading at the counter: the PC/SC readers (started lazily, so a workstation without pcscd
 * runs the rest of the app unharmed), one read at a time with progress events, wrong-key counting
 * before the card could block, and the verification verdict. Only a complete read is stored.
 */
import type { ChipRepository } from '../../../db/repositories/chip-repository';
import { ChipError } from '../../../native/cccd/chip/chip-error';
import { readIdCard, type AccessKey, type RawRead } from '../../../native/cccd/chip/read-id-card';
import { verifyRead } from '../../../native/cccd/chip/verify-read';
import {
  openPcsc,
  PcscError,
  type CardConnection,
  type PcscEvent,
  type PcscReaders,
} from '../../../native/pcsc/pcsc-readers';
import type { AccessKeyInput, ChipReadResult } from '../../api/calls/chip';
import { AppError } from '../../api/errors';
import type { AppEvent } from '../../api/events';
import type { Citizen } from '../../api/schemas';
import type { AuditService } from '../audit/audit-service';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { buildReadResult } from './read-result';
import { firstEnumeration, keyHash, lengthProblem, percentOf, toAccessKey } from './read-helpers';
import type { TrustStore } from './trust-store';

/** After this many refused keys in a row the clerk must confirm another try (ICAO 9303-11 §4.4: chips may delay or suspend). */
export const KEY_FAILURES_BEFORE_CONFIRM = 2;
/** Readers known to refuse frames over 255 bytes (acsccid issue 42): short reads from the start. */
const SHORT_ONLY_READERS = /\b(ACS|ACR\d+)/i;

type ServiceState = 'starting' | 'ready' | 'unavailable' | 'disabled';

export interface ChipReadInput {
  reader?: string | undefined;
  key: AccessKeyInput;
  qr?: Citizen | undefined;
  confirmRetry: boolean;
  photo: boolean;
}

export interface ChipServiceDeps {
  repo: ChipRepository;
  trust: TrustStore;
  audit: AuditService;
  events: EventBus;
  clock: Clock;
  enabled: boolean;
  openReaders?: () => Promise<PcscReaders>;
}

export interface ChipService {
  status(): Promise<{
    service: ServiceState;
    readers: { name: string; cardPresent: boolean; extendedLength: boolean }[];
    reading: string | null;
  }>;
  read(input: ChipReadInput): Promise<ChipReadResult>;
  cancel(): boolean;
  /** Resolves when a reader holds a card (CLI: "place the card"), or rejects after `timeoutMs`. */
  waitForCard(reader: string | undefined, timeoutMs: number): Promise<string>;
  close(): void;
}

export function createChipService(deps: ChipServiceDeps): ChipService {
  const { repo, trust, audit, events, clock } = deps;
  let state: ServiceState = deps.enabled ? 'unavailable' : 'disabled';
  let readers: PcscReaders | null = null;
  let starting: Promise<void> | null = null;
  let lastAttempt = 0;
  const shortOnly = new Set<string>();
  let current: { reader: string; cancelled: boolean } | null = null;

  const snapshot = () =>
    (readers?.readers() ?? []).map((r) => ({
      name: r.name,
      cardPresent: r.cardPresent,
      extendedLength: !shortOnly.has(r.name) && !SHORT_ONLY_READERS.test(r.name),
    }));
  const publish = (event: AppEvent) => events.publish(event);
  const publishReaders = () =>
    publish({ type: 'chip.readers', at: clock.now(), service: state, readers: snapshot() });

  function onPcscEvent(event: PcscEvent): void {
    if (event.type === 'card-inserted' || event.type === 'card-removed') {
      publish({
        type: 'chip.card',
        at: clock.now(),
        reader: event.reader,
        present: event.type === 'card-inserted',
      });
    }
    if (event.type !== 'error') publishReaders();
  }

  async function ensureStarted(): Promise<void> {
    if (state === 'disabled' || state === 'ready') return;
    if (starting) return starting;
    // Retrying at most every 3 s keeps status polls cheap while pcscd is down.
    if (lastAttempt !== 0 && clock.now() - lastAttempt < 3000) return;
    lastAttempt = clock.now();
    state = 'starting';
    starting = (async () => {
      try {
        const opened = await (deps.openReaders ?? (() => openPcsc()))();
        readers = opened;
        opened.subscribe(onPcscEvent);
        state = 'ready';
        await firstEnumeration(opened, 1500);
      } catch (error) {
        if (!(error instanceof PcscError)) console.error('[chip] PC/SC start failed:', error);
        state = 'unavailable';
      } finally {
        starting = null;
        publishReaders();
      }
    })();
    return starting;
  }

  function chooseReader(wanted: string | undefined): string {
    const list = readers?.readers() ?? [];
    if (wanted) {
      if (!list.some((r) => r.name === wanted))
        throw new AppError('READER_NOT_FOUND', { reader: wanted });
      return wanted;
    }
    const withCard = list.find((r) => r.cardPresent);
    if (withCard) return withCard.name;
    if (list.length === 0) throw new AppError('CHIP_NO_READER');
    throw new AppError('CARD_ABSENT', { reader: list[0]!.name });
  }

  async function readOnce(
    name: string,
    key: AccessKey,
    photo: boolean,
    extended: boolean,
  ): Promise<RawRead> {
    const connection: CardConnection = await readers!.connect(name);
    let reset = false;
    try {
      return await readIdCard(connection, {
        key,
        dataGroups: photo ? [1, 2, 13] : [1, 13],
        extendedLength: extended,
        cancelled: () => current?.cancelled === true,
        onProgress: (p) =>
          publish({
            type: 'chip.progress',
            at: clock.now(),
            reader: name,
            step: p.step,
            ...(p.file ? { file: p.file } : {}),
            percent: percentOf(p),
            apdus: p.apdus,
          }),
      });
    } catch (error) {
      reset = true; // a chip left mid-protocol must start the next session from a clean state
      throw error;
    } finally {
      await connection.close(reset);
    }
  }

  return {
    async status() {
      await ensureStarted();
      return { service: state, readers: snapshot(), reading: current?.reader ?? null };
    },

    async read(input) {
      if (current) throw new AppError('CHIP_READ_IN_PROGRESS', { reader: current.reader });
      const key = toAccessKey(input.key);
      const hash = keyHash(key);
      const failuresBefore = repo.failures(hash);
      if (failuresBefore >= KEY_FAILURES_BEFORE_CONFIRM && !input.confirmRetry) {
        throw new AppError('CHIP_KEY_RETRY_NEEDS_CONFIRMATION', { failures: failuresBefore });
      }
      await ensureStarted();
      if (state !== 'ready' || !readers) throw new AppError('PCSC_UNAVAILABLE');
      const name = chooseReader(input.reader);
      current = { reader: name, cancelled: false };
      const started = performance.now();
      try {
        let raw: RawRead;
        const extended = !shortOnly.has(name) && !SHORT_ONLY_READERS.test(name);
        try {
          raw = await readOnce(name, key, input.photo, extended);
        } catch (error) {
          if (!extended || !lengthProblem(error)) throw error;
          // The reader (or its driver) refused an extended APDU: remember it, read again in short chunks.
          shortOnly.add(name);
          publishReaders();
          raw = await readOnce(name, key, input.photo, false);
        }
        repo.clearFailures(hash);
        publish({
          type: 'chip.progress',
          at: clock.now(),
          reader: name,
          step: 'verify',
          percent: 96,
          apdus: raw.apduCount,
        });
        const verification = verifyRead(raw, trust.certificates(), clock.now());
        const result = await buildReadResult(raw, verification, {
          source: name,
          durationMs: performance.now() - started,
          qr: input.qr,
          keyFailuresBefore: failuresBefore,
        });
        const readId = repo.saveRead({
          readAt: clock.now(),
          idNumber: result.citizen.idNumber,
          source: name,
          method: result.method,
          verdict: result.verdict,
          checks: JSON.stringify(
            result.checks.map(({ id, status, reason }) => ({ id, status, reason })),
          ),
          record: JSON.stringify(result.citizen),
          apduCount: result.apduCount,
          durationMs: result.durationMs,
        });
        audit.record('chip.read', result.citizen.idNumber ?? '', {
          verdict: result.verdict,
          method: result.method,
          reader: name,
          readId,
        });
        publish({
          type: 'chip.progress',
          at: clock.now(),
          reader: name,
          step: 'done',
          percent: 100,
          apdus: raw.apduCount,
        });
        return { readId, ...result };
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        publish({
          type: 'chip.progress',
          at: clock.now(),
          reader: name,
          step: 'failed',
          percent: 100,
          apdus: 0,
        });
        audit.record('chip.readFailed', name, {
          code: typeof code === 'string' ? code : 'INTERNAL',
        });
        if (error instanceof ChipError && error.code === 'CHIP_ACCESS_KEY_REJECTED') {
          const failures = repo.recordFailure(hash, clock.now());
          throw new AppError('CHIP_ACCESS_KEY_REJECTED', {
            ...error.details,
            failures,
            confirmAfter: KEY_FAILURES_BEFORE_CONFIRM,
          });
        }
        throw error;
      } finally {
        current = null;
      }
    },

    cancel() {
      if (!current) return false;
      current.cancelled = true;
      return true;
    },

    async waitForCard(reader, timeoutMs) {
      await ensureStarted();
      if (state !== 'ready' || !readers) throw new AppError('PCSC_UNAVAILABLE');
      const r = readers;
      const find = () =>
        r.readers().find((x) => x.cardPresent && (!reader || x.name === reader))?.name;
      const found = find();
      if (found) return found;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(
            new AppError(
              r.readers().length === 0 ? 'CHIP_NO_READER' : 'CARD_ABSENT',
              reader ? { reader } : undefined,
            ),
          );
        }, timeoutMs);
        const off = r.subscribe(() => {
          const name = find();
          if (name) {
            clearTimeout(timer);
            off();
            resolve(name);
          }
        });
      });
    },

    close() {
      readers?.close();
      readers = null;
    },
  };
}
