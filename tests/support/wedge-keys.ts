import type { Page } from 'playwright-core';

/** Key event fields for a character as a US-layout keyboard (and so a wedge scanner) sends it. */
function keyFields(ch: string) {
  if (ch === '\r' || ch === 'Enter') {
    return { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' };
  }
  if (ch === 'Tab') return { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 };
  const upper = ch.toUpperCase();
  const vk = /^[A-Z0-9]$/.test(upper) ? upper.charCodeAt(0) : 0;
  return { key: ch, text: ch, unmodifiedText: ch, ...(vk ? { windowsVirtualKeyCode: vk } : {}) };
}

/**
 * What a keyboard-wedge scanner does: one key per character, `gapMs` apart, then the suffix key.
 * The events go through Chromium's real input pipeline (CDP Input.dispatchKeyEvent, trusted
 * events with default actions) stamped with the times a scanner would produce: the OS stamps
 * key events when they arrive, so a busy page still sees the scanner's true rhythm.
 *
 * `firstKeyInMs` dates the first key relative to now. The default (+300 ms) leaves the browser
 * time to take delivery of the keys before their stamped times even on a heavily loaded test
 * machine; the benchmark dates a burst to end "now" instead (negative), as if it had just been
 * scanned, to measure the page's detection delay.
 */
export async function scannerBurst(
  page: Page,
  text: string,
  options: { suffix?: string | null; gapMs?: number; firstKeyInMs?: number } = {},
): Promise<void> {
  const gap = (options.gapMs ?? 3) / 1000;
  const keys = [...text, ...(options.suffix === null ? [] : [options.suffix ?? 'Enter'])];
  const cdp = await page.context().newCDPSession(page);
  let t = (Date.now() + (options.firstKeyInMs ?? 300)) / 1000;
  const sends: Promise<unknown>[] = [];
  for (const ch of keys) {
    const fields = keyFields(ch);
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...fields, timestamp: t }));
    sends.push(
      cdp.send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        key: fields.key,
        ...('code' in fields ? { code: fields.code } : {}),
        timestamp: t + gap / 2,
      }),
    );
    t += gap;
  }
  await Promise.all(sends);
  await cdp.detach();
}
