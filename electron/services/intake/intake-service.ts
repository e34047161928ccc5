import { parseCccdQr } from '../../../native/cccd/qr-payload';
import type { Handlers } from '../../api/dispatch';
import type { Clock } from '../shared/clock';
import { vnDay } from '../shared/vn-time';
import { qrResultOrThrow } from './qr-result';

export function createIntakeHandlers(clock: Clock): Pick<Handlers, 'intake.parseQr'> {
  return {
    'intake.parseQr': ({ text }) =>
      qrResultOrThrow(parseCccdQr(text, { today: vnDay(clock.now()) })),
  };
}
