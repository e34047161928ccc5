import { describe, expect, it } from 'vitest';
import { contract } from '../../../electron/api/contract';
import { errorCatalog, isErrorCode } from '../../../electron/api/errors';
import { warningCatalog } from '../../../electron/api/warnings';

describe('message catalogues', () => {
  it('has a Vietnamese and an English message for every error and warning', () => {
    for (const [code, text] of Object.entries({ ...errorCatalog, ...warningCatalog })) {
      expect(text.vi.length, code).toBeGreaterThan(10);
      expect(text.en.length, code).toBeGreaterThan(10);
      expect(text.vi, code).not.toBe(text.en);
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    }
  });

  it('declares only known error codes on contract entries, and names calls domain.action', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      for (const code of spec.errors) expect(isErrorCode(code), `${name}: ${code}`).toBe(true);
    }
  });
});
