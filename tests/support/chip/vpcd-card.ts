/**
 * Puts a simulated chip (sim-chip.ts) into the vpcd virtual reader, speaking vpcd's socket
 * protocol as vsmartcard's vicc does (VirtualSmartcard.py: 2-byte big-endian length, then either a
 * 1-byte control — 0 off, 1 on, 2 reset, 4 ATR request — or a command APDU to answer).
 */
import { connect, type Socket } from 'node:net';
import { ChipError } from '../../../native/cccd/chip/chip-error';
import type { SimChip } from './sim-chip';

/** ATR of a contactless ISO 14443-4 card as PC/SC readers synthesise it (PC/SC part 3 §3.1.3.2.3). */
const ATR = Buffer.from('3B8880010000000000718100F8', 'hex');

export interface VpcdCard {
  /** Pulls the card out of the reader (closes the socket, as lifting a card does). */
  remove(): Promise<void>;
}

export function insertSimChip(chip: SimChip, port = 35963): Promise<VpcdCard> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let pending = Buffer.alloc(0);
    const send = (data: Buffer) => {
      const header = Buffer.alloc(2);
      header.writeUInt16BE(data.length);
      socket.write(Buffer.concat([header, data]));
    };
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2) {
        const size = pending.readUInt16BE(0);
        if (pending.length < 2 + size) break;
        const message = pending.subarray(2, 2 + size);
        pending = pending.subarray(2 + size);
        if (size === 1) {
          if (message[0] === 4) send(ATR);
          continue; // power on/off/reset need no answer
        }
        try {
          send(chip.transmit(Buffer.from(message)));
        } catch (error) {
          if (error instanceof ChipError && error.code === 'CHIP_CARD_REMOVED') socket.destroy();
          else throw error;
        }
      }
    });
    socket.once('connect', () =>
      resolve({
        remove: () =>
          new Promise((done) => {
            if (socket.destroyed) return done();
            socket.once('close', () => done());
            socket.destroy();
          }),
      }),
    );
    socket.once('error', reject);
  });
}
