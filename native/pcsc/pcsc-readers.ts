/**
 * PC/SC readers through @pokusew/pcsclite (libpcsclite on Linux, WinSCard on Windows): reader and
 * card presence events, an exclusive connection per read, APDU exchange with error codes.
 *
 * The binding loops inside its constructor while the PC/SC service is absent (it retries
 * SCardEstablishContext on SCARD_E_NO_SERVICE forever, at 100 % CPU): on Linux we therefore
 * check that pcscd's socket answers before constructing it, and report PCSC_UNAVAILABLE if not.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { ChipError } from '../cccd/chip/chip-error';
import type { ApduLink } from '../cccd/chip/session';

export type PcscErrorCode =
  'PCSC_UNAVAILABLE' | 'READER_NOT_FOUND' | 'READER_GONE' | 'CARD_ABSENT' | 'READER_BUSY';

export class PcscError extends Error {
  constructor(
    readonly code: PcscErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'PcscError';
  }
}

export interface ReaderState {
  name: string;
  cardPresent: boolean;
  atr: string | null;
}

export type PcscEvent =
  | { type: 'reader-added'; reader: string }
  | { type: 'reader-removed'; reader: string }
  | { type: 'card-inserted'; reader: string; atr: string | null }
  | { type: 'card-removed'; reader: string }
  | { type: 'error'; message: string };

export interface CardConnection extends ApduLink {
  readonly reader: string;
  readonly atr: string | null;
  /** Ends the connection; `reset` powers the card down so the next session starts clean. */
  close(reset?: boolean): Promise<void>;
}

export interface PcscReaders {
  readers(): ReaderState[];
  /** Readers the service announced whose first status is still awaited. */
  pending(): number;
  subscribe(listener: (event: PcscEvent) => void): () => void;
  connect(reader: string): Promise<CardConnection>;
  close(): void;
}

/** SCARD_* error values that mean the card or the reader went away (winscard.h / pcsclite.h). */
const REMOVED = [/0x80100069/i, /0x80100066/i, /0x8010000C/i, /removed/i, /0x80100067/i];
const READER_GONE = [/0x80100017/i, /0x80100009/i, /unavailable/i, /unknown reader/i];
const SHARING = [/0x8010000B/i, /sharing violation/i];

function classify(error: unknown): Error {
  const text = String((error as Error)?.message ?? error);
  if (REMOVED.some((r) => r.test(text))) return new ChipError('CHIP_CARD_REMOVED', { pcsc: text });
  if (READER_GONE.some((r) => r.test(text))) return new PcscError('READER_GONE', { pcsc: text });
  if (SHARING.some((r) => r.test(text))) return new PcscError('READER_BUSY', { pcsc: text });
  return new ChipError('CHIP_TRANSPORT_FAILED', { pcsc: text });
}

export const PCSCD_SOCKET = '/run/pcscd/pcscd.comm';

/** true when the platform's PC/SC service can be reached without hanging the binding. */
export async function pcscServiceReachable(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (process.platform === 'win32' || process.platform === 'darwin') return true; // service started by the OS / the binding
  const socket = env.PCSCLITE_CSOCK_NAME ?? PCSCD_SOCKET;
  if (!existsSync(socket)) return false;
  return new Promise((resolve) => {
    const s = connect(socket);
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
    setTimeout(() => done(false), 1000).unref();
  });
}

/** The part of @pokusew/pcsclite's API used here (its typings export no names). */
interface CardReader {
  name: string;
  SCARD_SHARE_EXCLUSIVE: number;
  SCARD_PROTOCOL_T1: number;
  SCARD_STATE_PRESENT: number;
  SCARD_STATE_MUTE: number;
  SCARD_LEAVE_CARD: number;
  SCARD_RESET_CARD: number;
  on(event: 'error', listener: (error: unknown) => void): void;
  on(event: 'status', listener: (status: { state: number; atr?: Buffer }) => void): void;
  on(event: 'end', listener: () => void): void;
  connect(options: { share_mode: number }, cb: (err: unknown, protocol?: number) => void): void;
  transmit(
    data: Buffer,
    resLen: number,
    protocol: number,
    cb: (err: unknown, data?: Buffer) => void,
  ): void;
  disconnect(disposition: number, cb: (err: unknown) => void): void;
  close(): void;
}

interface PCSCLite {
  on(event: 'error', listener: (error: unknown) => void): void;
  on(event: 'reader', listener: (reader: CardReader) => void): void;
  close(): void;
}

type PcscFactory = () => PCSCLite;

function loadBinding(): PcscFactory {
  const require = createRequire(import.meta.url);
  return require('@pokusew/pcsclite') as PcscFactory;
}

export async function openPcsc(env: NodeJS.ProcessEnv = process.env): Promise<PcscReaders> {
  if (!(await pcscServiceReachable(env))) throw new PcscError('PCSC_UNAVAILABLE');
  const pcsc = loadBinding()();
  const states = new Map<string, ReaderState>();
  const handles = new Map<string, CardReader>();
  const listeners = new Set<(event: PcscEvent) => void>();
  const emit = (event: PcscEvent) => {
    for (const l of listeners) l(event);
  };

  pcsc.on('error', (error: unknown) =>
    emit({ type: 'error', message: String((error as Error)?.message ?? error) }),
  );
  pcsc.on('reader', (reader: CardReader) => {
    handles.set(reader.name, reader);
    reader.on('error', (error: unknown) =>
      emit({ type: 'error', message: String((error as Error)?.message ?? error) }),
    );
    reader.on('status', (status: { state: number; atr?: Buffer }) => {
      const present =
        (status.state & reader.SCARD_STATE_PRESENT) !== 0 &&
        (status.state & reader.SCARD_STATE_MUTE) === 0;
      const atr =
        present && status.atr && status.atr.length > 0
          ? status.atr.toString('hex').toUpperCase()
          : null;
      const state = states.get(reader.name);
      if (!state) {
        // A reader is announced with its first status, so "added" always comes with the truth
        // about the card on it.
        states.set(reader.name, { name: reader.name, cardPresent: present, atr });
        emit({ type: 'reader-added', reader: reader.name });
        if (present) emit({ type: 'card-inserted', reader: reader.name, atr });
        return;
      }
      if (present && !state.cardPresent) {
        state.cardPresent = true;
        state.atr = atr;
        emit({ type: 'card-inserted', reader: reader.name, atr });
      } else if (!present && state.cardPresent) {
        state.cardPresent = false;
        state.atr = null;
        emit({ type: 'card-removed', reader: reader.name });
      }
    });
    reader.on('end', () => {
      states.delete(reader.name);
      handles.delete(reader.name);
      emit({ type: 'reader-removed', reader: reader.name });
    });
  });

  /** Resolves true once `name` reports no card (or immediately if it already does). */
  function cardGone(name: string, timeoutMs: number): Promise<boolean> {
    if (!states.get(name)?.cardPresent) return Promise.resolve(true);
    return new Promise((resolve) => {
      const listener = (event: PcscEvent) => {
        if (
          (event.type === 'card-removed' || event.type === 'reader-removed') &&
          event.reader === name
        )
          finish(true);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      listeners.add(listener);
      function finish(value: boolean) {
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(value);
      }
    });
  }

  return {
    readers: () => [...states.values()].map((s) => ({ ...s })),
    pending: () => [...handles.keys()].filter((name) => !states.has(name)).length,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async connect(name) {
      const reader = handles.get(name);
      if (!reader) throw new PcscError('READER_NOT_FOUND', { reader: name });
      if (!states.get(name)?.cardPresent) throw new PcscError('CARD_ABSENT', { reader: name });
      const protocol = await new Promise<number>((resolve, reject) =>
        reader.connect({ share_mode: reader.SCARD_SHARE_EXCLUSIVE }, (err: unknown, p?: number) =>
          err ? reject(classify(err)) : resolve(p ?? reader.SCARD_PROTOCOL_T1),
        ),
      );
      let open = true;
      return {
        reader: name,
        atr: states.get(name)?.atr ?? null,
        transmit(command) {
          if (!open)
            return Promise.reject(new ChipError('CHIP_TRANSPORT_FAILED', { reason: 'closed' }));
          // Room for the largest answer: 64 KiB + SW for extended APDUs.
          return new Promise<Uint8Array>((resolve, reject) =>
            reader.transmit(Buffer.from(command), 65538, protocol, (err: unknown, data?: Buffer) =>
              err ? reject(classify(err)) : resolve(data ?? Buffer.alloc(0)),
            ),
          ).then(async (data) => {
            if (data.length >= 2) return data;
            // No status word at all: the card left the field mid-exchange (vpcd and some CCID
            // readers report it this way rather than as SCARD_W_REMOVED_CARD).
            const gone = await cardGone(name, 500);
            throw gone
              ? new ChipError('CHIP_CARD_REMOVED', { reason: 'no answer' })
              : new ChipError('CHIP_TRANSPORT_FAILED', { reason: 'empty answer' });
          });
        },
        close(reset = false) {
          if (!open) return Promise.resolve();
          open = false;
          const disposition = reset ? reader.SCARD_RESET_CARD : reader.SCARD_LEAVE_CARD;
          return new Promise((resolve) => reader.disconnect(disposition, () => resolve()));
        },
      };
    },
    close() {
      listeners.clear();
      for (const reader of handles.values()) reader.close();
      pcsc.close();
    },
  };
}
