import { describe, expect, it } from 'vitest';
import { createDigitizationRepository } from '../../../db/repositories/digitization-repository';
import {
  createDailySummarySource,
  officeSummaryProviders,
} from '../../../electron/services/sync/summary-source';
import { openTestServices, SAMPLE_CITIZEN, TEST_OFFICE } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const DAY = '2026-11-24';

/**
 * The summaries sent upward carry the office's own figures from the same tables the dashboard,
 * the indicators and the digitization report read: assisted-filing outcomes from the lifecycle
 * counters, digitized documents and pages from the append-only digitization log.
 */
describe('daily summary figures come from the lifecycle and digitization tables', () => {
  it('assisted filings, completion and digitization reach the summary row and mark the day dirty', async () => {
    const { dispatcher, services } = openTestServices(tempDir());
    const db = services.database.db;
    await dispatcher.dispatch('settings.updateOffice', TEST_OFFICE);
    const assisted = await dispatcher.dispatch('dossiers.create', {
      procedureKey: 'dang-ky-khai-sinh',
      channel: 'online_assisted',
      citizen: SAMPLE_CITIZEN,
      assistedFiling: { outcome: 'submitted', reference: 'G22.99-261124-0001' },
    });
    const failed = await dispatcher.dispatch('dossiers.create', {
      procedureKey: 'dang-ky-khai-sinh',
      channel: 'online_assisted',
      citizen: SAMPLE_CITIZEN,
      assistedFiling: { outcome: 'failed', reason: 'Cổng DVCQG không phản hồi' },
    });
    expect(assisted.ok && failed.ok).toBe(true);
    const code = assisted.ok ? assisted.value.code : '';
    await dispatcher.dispatch('dossiers.setStatus', { code, status: 'processing' });
    await dispatcher.dispatch('dossiers.setStatus', { code, status: 'done' });

    db.prepare('DELETE FROM sync_dirty').run();
    createDigitizationRepository(db).record(
      {
        dossierCode: code,
        kind: 'component',
        componentType: 'giay-chung-sinh',
        title: 'Giấy chứng sinh',
        file: 'scans/2026/11/x/giay-chung-sinh.pdf',
        sha256: '0'.repeat(64),
        bytes: 1000,
        pages: 3,
        blankPagesLeftOut: 0,
        dpi: 300,
        colorMode: 'color',
        sourceDevice: 'sane:test',
        reusedFrom: null,
        createdAt: Date.parse(`${DAY}T10:30:00+07:00`),
        createdDay: DAY,
        createdBy: 'test',
      },
      { procedureKey: 'dang-ky-khai-sinh', event: 'component_digitized', actor: 'test' },
    );
    // The digitization log's trigger re-queues the day for sending.
    expect(db.prepare('SELECT day, procedure_key FROM sync_dirty').all()).toEqual([
      { day: DAY, procedure_key: 'dang-ky-khai-sinh' },
    ]);

    const rows = createDailySummarySource(officeSummaryProviders(db)).rows(DAY, DAY);
    expect(rows).toEqual([
      {
        day: DAY,
        procedure: 'dang-ky-khai-sinh',
        counts: expect.objectContaining({
          receivedInPerson: 0,
          receivedOnlineAssisted: 2,
          receivedPostal: 0,
          completed: 1,
          completedOnTime: 1,
          assistedSubmitted: 1,
          assistedFailed: 1,
          digitizedComponents: 1,
          digitizedResults: 0,
          reused: 0,
          pages: 3,
        }),
      },
    ]);

    // The same numbers as the office's own screens.
    const indicators = await dispatcher.dispatch<'indicators.compute'>('indicators.compute', {
      from: DAY,
      to: DAY,
    });
    expect(JSON.stringify(indicators)).toContain('"assistedSubmitted":1');
    const digitization = await dispatcher.dispatch<'digitization.summary'>('digitization.summary', {
      from: DAY,
      to: DAY,
    });
    expect(digitization.ok && digitization.value.totals.componentPages).toBe(3);
    services.close();
  });
});
