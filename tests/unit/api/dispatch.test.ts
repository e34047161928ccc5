import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/api/dispatch';
import { AppError, toApiError } from '../../../electron/api/errors';

function dispatcherWith(partial: Partial<Handlers>, onInternalError = vi.fn()) {
  return {
    dispatcher: createDispatcher(partial as Handlers, { onInternalError }),
    onInternalError,
  };
}

describe('dispatcher', () => {
  it('refuses a name that is not in the contract, without calling anything', async () => {
    const { dispatcher } = dispatcherWith({});
    const result = await dispatcher.dispatch('fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('refuses prototype keys posing as call names', async () => {
    const { dispatcher } = dispatcherWith({});
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 42, null]) {
      expect(await dispatcher.dispatch(name, {})).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CALL' },
      });
    }
  });

  it('validates input before the service runs', async () => {
    const handler = vi.fn();
    const { dispatcher } = dispatcherWith({ 'intake.parseQr': handler });
    const result = await dispatcher.dispatch('intake.parseQr', { text: 42 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: 'text' }] } },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes parsed input (defaults applied) and returns the checked output', async () => {
    const handler = vi.fn(() => []);
    const { dispatcher } = dispatcherWith({ 'dossiers.listRecent': handler });
    expect(await dispatcher.dispatch('dossiers.listRecent', {})).toEqual({ ok: true, value: [] });
    expect(handler).toHaveBeenCalledWith({ limit: 20 });
  });

  it('turns an AppError into its code and Vietnamese message', async () => {
    const { dispatcher } = dispatcherWith({
      'procedures.list': () => {
        throw new AppError('PROCEDURE_NOT_FOUND', { key: 'x' });
      },
    });
    const result = await dispatcher.dispatch('procedures.list', undefined);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'PROCEDURE_NOT_FOUND',
        message: 'Không tìm thấy thủ tục hành chính đã chọn trong danh mục.',
        details: { key: 'x' },
      },
    });
  });

  it('hides unexpected exceptions behind INTERNAL and reports them for the log', async () => {
    const { dispatcher, onInternalError } = dispatcherWith({
      'procedures.list': () => {
        throw new TypeError('secret stack detail');
      },
    });
    const result = await dispatcher.dispatch('procedures.list', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('rejects output that breaks the contract instead of leaking it', async () => {
    const { dispatcher, onInternalError } = dispatcherWith({
      'settings.getOffice': () => ({ officeName: 42 }) as never,
    });
    expect(await dispatcher.dispatch('settings.getOffice', undefined)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('strips fields a service returns but the contract does not declare', async () => {
    const { dispatcher } = dispatcherWith({
      'settings.getOffice': () =>
        ({
          officeName: 'A',
          adminUnitCode: '00001',
          agencyCode: 'X',
          place: '',
          secret: 'leak',
        }) as never,
    });
    const result = await dispatcher.dispatch('settings.getOffice', undefined);
    expect(result).toEqual({
      ok: true,
      value: { officeName: 'A', adminUnitCode: '00001', agencyCode: 'X', place: '' },
    });
  });
});

describe('toApiError', () => {
  it('keeps the code of errors from db/ and native/ (which cannot import AppError)', () => {
    const dbError = Object.assign(new Error('x'), {
      code: 'DB_NOT_SQLITE',
      details: { file: 'a' },
    });
    expect(toApiError(dbError)).toMatchObject({ code: 'DB_NOT_SQLITE', details: { file: 'a' } });
  });
  it('maps SQLite lock contention to the retryable DB_BUSY', () => {
    expect(toApiError(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' })).code).toBe(
      'DB_BUSY',
    );
  });
  it('maps anything else to INTERNAL', () => {
    expect(toApiError('boom').code).toBe('INTERNAL');
    expect(toApiError(Object.assign(new Error(), { code: 'ENOENT' })).code).toBe('INTERNAL');
  });
});
