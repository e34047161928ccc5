import type { z } from 'zod';
import { calendarCalls } from './calls/calendar';
import { catalogCalls } from './calls/catalog';
import { chipCalls } from './calls/chip';
import { autofillCalls } from './calls/autofill';
import { devicesCalls } from './calls/devices';
import { digitizationCalls } from './calls/digitization';
import { dossiersCalls } from './calls/dossiers';
import { indicatorsCalls } from './calls/indicators';
import { intakeCalls } from './calls/intake';
import { proceduresCalls } from './calls/procedures';
import { reportsCalls } from './calls/reports';
import { scannersCalls } from './calls/scanners';
import { settingsCalls } from './calls/settings';
import { syncCalls } from './calls/sync';
import { systemCalls } from './calls/system';
import type { CallSpec } from './contract-kit';

/**
 * The single table of every UI → service call, named `domain.action`. The IPC adapter (Electron)
 * and the HTTP adapter (headless host) both loop over it; the preload exposes exactly these calls.
 */
export const contract = {
  ...systemCalls,
  ...settingsCalls,
  ...proceduresCalls,
  ...intakeCalls,
  ...dossiersCalls,
  ...catalogCalls,
  ...calendarCalls,
  ...indicatorsCalls,
  ...chipCalls,
  ...autofillCalls,
  ...devicesCalls,
  ...scannersCalls,
  ...digitizationCalls,
  ...syncCalls,
  ...reportsCalls,
} as const satisfies Record<string, CallSpec>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller may pass (before defaults and transforms). */
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
/** What a handler returns and a caller receives. */
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
