import { describe, expect, it } from 'vitest';
import { openTestServices, revealSampleCitizen, SAMPLE_CITIZEN } from '../../support/services';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('autofill types the ID number only after an audited reveal', () => {
  it('does not take the caller’s word for it: no reveal on a citizen card, no ID', async () => {
    const { dispatcher, services } = openTestServices(tempDir());
    const source = { citizen: SAMPLE_CITIZEN };
    const claimed = await dispatcher.dispatch<'autofill.preview'>('autofill.preview', {
      templateId: 'builtin-generic',
      source,
      idRevealed: true,
    });
    expect(claimed.ok && claimed.value.steps.some((s) => s.masked)).toBe(true);
    expect(JSON.stringify(claimed)).not.toContain(SAMPLE_CITIZEN.idNumber);
    const start = await dispatcher.dispatch('autofill.start', {
      templateId: 'builtin-generic',
      source,
      idRevealed: true,
    });
    expect(start).toMatchObject({ ok: false, error: { code: 'AUTOFILL_ID_NOT_REVEALED' } });

    await revealSampleCitizen(dispatcher);
    const revealed = await dispatcher.dispatch<'autofill.preview'>('autofill.preview', {
      templateId: 'builtin-generic',
      source,
      idRevealed: true,
    });
    expect(revealed.ok && revealed.value.steps.some((s) => s.masked)).toBe(false);
    expect(JSON.stringify(revealed)).toContain(SAMPLE_CITIZEN.idNumber);
    const audit = services.database.db
      .prepare("SELECT action, subject FROM audit_log WHERE action = 'citizen.revealId'")
      .all();
    expect(audit).toEqual([{ action: 'citizen.revealId', subject: SAMPLE_CITIZEN.idNumber }]);
    services.close();
  });
});
