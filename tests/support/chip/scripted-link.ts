import { toHex, fromHex } from '../../../native/cccd/chip/bytes';
import type { ApduLink } from '../../../native/cccd/chip/session';

/**
 * A recorded conversation from a published worked example: each command we send must equal the
 * recorded one byte for byte, and the recorded answer is returned. Not a mock of our code — a
 * replay of the specification's chip.
 */
export class ScriptedLink implements ApduLink {
  private index = 0;
  readonly sent: string[] = [];

  constructor(private readonly script: readonly (readonly [command: string, response: string])[]) {}

  transmit(command: Uint8Array): Promise<Uint8Array> {
    const step = this.script[this.index++];
    this.sent.push(toHex(command));
    if (!step) return Promise.reject(new Error(`unexpected APDU ${toHex(command)}`));
    if (toHex(command) !== step[0].toUpperCase()) {
      return Promise.reject(
        new Error(`APDU ${this.index}: sent ${toHex(command)}, expected ${step[0]}`),
      );
    }
    return Promise.resolve(fromHex(step[1]));
  }

  get finished(): boolean {
    return this.index === this.script.length;
  }
}
