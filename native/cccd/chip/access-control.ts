/**
 * Gaining access to the chip: EF.CardAccess (plain, in the MF), then PACE when the chip offers it
 * and a CAN or MRZ is known, otherwise BAC with the MRZ (ICAO 9303-11 §4.2: the terminal may fall
 * back to BAC only when PACE is not offered or fails for a reason other than a wrong password).
 */
import { randomBytes } from 'node:crypto';
import { ChipError } from './chip-error';
import { bacKeys, completeBac, GET_CHALLENGE, mutualAuthenticate } from './bac';
import { SW, swHex, triesLeft } from './apdu';
import { blockSize } from './crypto';
import { randomScalar } from './curves';
import {
  authenticationToken,
  checkChipToken,
  decryptNonce,
  dynamicData,
  encodePoint,
  ephemeralPublicKey,
  generalAuthenticate,
  mseSetAtPace,
  publicKeysDiffer,
  sessionKeys,
  sharedSecret,
  startPace,
  type PacePassword,
} from './pace';
import { SecureChannel } from './secure-messaging';
import { parseSecurityInfos, type PaceInfo, type SecurityInfo } from './security-infos';
import type { ChipSession } from './session';

export const EF_CARD_ACCESS = 0x011c;

/** Deterministic randomness for the worked examples; the real reader uses the OS generator. */
export interface ProtocolRandom {
  bytes(length: number): Buffer;
  /** Ephemeral private keys, in the order they are needed (mapping, then key agreement). */
  scalar?(purpose: 'pace-map' | 'pace-agree' | 'ca'): bigint | undefined;
}

export const systemRandom: ProtocolRandom = { bytes: (n) => randomBytes(n) };

/** EF.CardAccess, or null when the chip has none (BAC-only chips, the BAC emulator). */
export async function readCardAccess(
  session: ChipSession,
): Promise<{ raw: Buffer; infos: SecurityInfo[] } | null> {
  let raw: Buffer | null;
  try {
    raw = await session.readFile(EF_CARD_ACCESS);
  } catch (error) {
    if (
      error instanceof ChipError &&
      (error.code === 'CHIP_STATUS_UNEXPECTED' || error.code === 'CHIP_ACCESS_DENIED')
    ) {
      return null;
    }
    throw error;
  }
  return raw ? { raw, infos: parseSecurityInfos(raw) } : null;
}

function rejected(step: string, sw: number): ChipError {
  const left = triesLeft(sw);
  return new ChipError('CHIP_ACCESS_KEY_REJECTED', {
    step,
    sw: swHex(sw),
    ...(left !== null ? { triesLeft: left } : {}),
    blocked: sw === SW.AUTH_METHOD_BLOCKED,
  });
}

export async function performBac(
  session: ChipSession,
  mrzInfo: string,
  random: ProtocolRandom,
): Promise<void> {
  const challenge = await session.send(GET_CHALLENGE);
  if (challenge.sw !== SW.OK || challenge.data.length !== 8) {
    throw new ChipError('CHIP_STATUS_UNEXPECTED', {
      step: 'get challenge',
      sw: swHex(challenge.sw),
    });
  }
  const keys = bacKeys(mrzInfo);
  const rndIfd = random.bytes(8);
  const kIfd = random.bytes(16);
  const { apdu } = mutualAuthenticate(keys, challenge.data, rndIfd, kIfd);
  const answer = await session.send(apdu);
  if (answer.sw !== SW.OK) throw rejected('bac', answer.sw);
  const result = completeBac(keys, answer.data, challenge.data, rndIfd, kIfd);
  session.sm = new SecureChannel({ cipher: '3DES', ...result });
}

export interface PaceTrace {
  nonce: Buffer;
  sharedSecret: Buffer;
  ksEnc: Buffer;
  ksMac: Buffer;
}

/** Runs the four GENERAL AUTHENTICATE steps; on success the session is under the new SM keys. */
export async function performPace(
  session: ChipSession,
  info: PaceInfo,
  password: PacePassword,
  random: ProtocolRandom,
): Promise<PaceTrace> {
  const terminal = startPace(info, password);
  const { curve } = terminal;
  const set = await session.send(mseSetAtPace(info, password));
  if (set.sw !== SW.OK) {
    if (triesLeft(set.sw) !== null || set.sw === SW.AUTH_METHOD_BLOCKED)
      throw rejected('pace', set.sw);
    throw new ChipError('CHIP_PACE_UNSUPPORTED', { sw: swHex(set.sw) });
  }
  const step1 = await session.send(generalAuthenticate(null, Buffer.alloc(0), false));
  if (step1.sw !== SW.OK) throw rejected('pace-nonce', step1.sw);
  const nonce = decryptNonce(terminal.kPi, dynamicData(step1.data, 0x80), info.cipher);

  const mapKey = random.scalar?.('pace-map') ?? randomScalar(curve);
  const mapPublic = encodePoint(curve.curve.Point.BASE.multiply(mapKey));
  const step2 = await session.send(generalAuthenticate(0x81, mapPublic, false));
  if (step2.sw !== SW.OK) throw rejected('pace-map', step2.sw);
  const chipMapping = dynamicData(step2.data, 0x82);

  const agreeKey = random.scalar?.('pace-agree') ?? randomScalar(curve);
  const ownPublic = encodePoint(ephemeralPublicKey(curve, nonce, mapKey, chipMapping, agreeKey));
  const step3 = await session.send(generalAuthenticate(0x83, ownPublic, false));
  if (step3.sw !== SW.OK) throw rejected('pace-agree', step3.sw);
  const chipPublic = dynamicData(step3.data, 0x84);
  publicKeysDiffer(ownPublic, chipPublic);
  const shared = sharedSecret(curve, agreeKey, chipPublic);
  const keys = sessionKeys(shared, info.cipher);

  const token = authenticationToken(keys.ksMac, info.oid, chipPublic, info.cipher);
  const step4 = await session.send(generalAuthenticate(0x85, token, true));
  // A wrong CAN/MRZ shows here: the chip cannot verify our token (63CX or 6300, §4.4.4.2).
  if (step4.sw !== SW.OK) throw rejected('pace-token', step4.sw);
  checkChipToken(
    authenticationToken(keys.ksMac, info.oid, ownPublic, info.cipher),
    dynamicData(step4.data, 0x86),
  );

  const cipher = info.cipher === '3DES' ? '3DES' : 'AES';
  session.sm = new SecureChannel({
    cipher,
    ksEnc: keys.ksEnc,
    ksMac: keys.ksMac,
    ssc: Buffer.alloc(blockSize(cipher)),
  });
  return { nonce, sharedSecret: shared, ...keys };
}
