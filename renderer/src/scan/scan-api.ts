import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ScanRecord } from '../../../electron/api/scan-schemas';
import { motcua } from '../api/motcua';
import { unwrap } from '../api/use-api';
import { bytesToBase64 } from '../files';
import type { CapturedWedgeScan } from './use-wedge-capture';

export const RECENT_SCANS_KEY = ['intake.recentScans'] as const;
export const WEDGE_SETTINGS_KEY = ['devices.wedgeSettings'] as const;

export function utf8Base64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

/** A wedge burst becomes the same ScanInput the HID POS and serial readers produce. */
export function submitWedgeScan(
  scan: CapturedWedgeScan,
  purpose: 'intake' | 'test',
): Promise<ScanRecord> {
  return unwrap(
    motcua().intake.submitScan({
      bytes: utf8Base64(scan.text),
      source: 'wedge',
      at: scan.at,
      purpose,
      wedge: scan.stats,
    }),
  );
}

export function submitManualScan(text: string): Promise<ScanRecord> {
  return unwrap(
    motcua().intake.submitScan({ bytes: utf8Base64(text), source: 'manual', at: Date.now() }),
  );
}

/**
 * The latest scan of `purpose` from any path (events from the main process, or a wedge scan this
 * page submitted), plus a way to show a chosen one again.
 */
export function useLatestScan(purpose: 'intake' | 'test') {
  const client = useQueryClient();
  const [scan, setScan] = useState<ScanRecord | null>(null);
  useEffect(
    () =>
      motcua().onEvent((event) => {
        if (event.type !== 'scan.decoded' || event.scan.purpose !== purpose) return;
        setScan((current) =>
          current?.scanId === event.scan.scanId && current.repeats === event.scan.repeats
            ? current
            : event.scan,
        );
        if (purpose === 'intake') void client.invalidateQueries({ queryKey: RECENT_SCANS_KEY });
      }),
    [client, purpose],
  );
  return [scan, setScan] as const;
}
