import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract';
import { DEFAULT_WEDGE_SETTINGS, type Profile } from '../../../../electron/api/device-schemas';
import { motcua } from '../../api/motcua';
import { useApiQuery, useServiceEvents } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { WEDGE_SETTINGS_KEY } from '../../scan/scan-api';
import { HidProfileForm, SerialProfileForm, WedgeSettingsForm } from './ProfileForms';
import { ScanTestWizard } from './ScanTestWizard';

const DEVICES_KEY = ['devices.list'] as const;
const EVENT_KEYS = {
  'device.status': [DEVICES_KEY],
  'devices.changed': [DEVICES_KEY, WEDGE_SETTINGS_KEY],
} as const;

/** Vendors whose scanners often sit in keyboard mode by default (scanners.md §1.2). */
const SCANNER_VENDORS = new Set([0x0c2e, 0x0db5, 0x1eab, 0x05e0, 0x05f9, 0x23d0, 0x067e]);
const hex4 = (n: number | null) => (n === null ? '—' : n.toString(16).padStart(4, '0'));

type Listing = CallOutput<'devices.list'>;
interface Row {
  key: string;
  label: string;
  mode: 'wedge' | 'hid_pos' | 'serial' | 'keyboard';
  state: string;
  detail: string;
  profile: Profile | null;
}

function rows(list: Listing): Row[] {
  const profiles = new Map(list.profiles.map((p) => [p.deviceKey, p]));
  const wedge = profiles.get('wedge') ?? null;
  const out: Row[] = [
    {
      key: 'wedge',
      label: wedge?.label ?? '',
      mode: 'wedge',
      state: 'unknown',
      detail: '',
      profile: wedge,
    },
  ];
  const seen = new Set(['wedge']);
  for (const s of list.scanners) {
    seen.add(s.deviceKey);
    out.push({
      key: s.deviceKey,
      label: s.label,
      mode: s.mode,
      state: s.state,
      detail: [s.path, s.layout, s.error?.message].filter(Boolean).join(' · '),
      profile: profiles.get(s.deviceKey) ?? null,
    });
  }
  for (const p of list.profiles) {
    if (seen.has(p.deviceKey) || p.mode === 'wedge') continue;
    out.push({
      key: p.deviceKey,
      label: p.label,
      mode: p.mode,
      state: p.enabled ? 'disconnected' : 'disabled',
      detail: p.mode === 'serial' ? p.settings.path : '',
      profile: p,
    });
  }
  for (const d of list.hid) {
    if (d.barcodePos || !SCANNER_VENDORS.has(d.vendorId) || d.usagePage !== 1) continue;
    out.push({
      key: `kbd:${d.path}`,
      label: [d.manufacturer, d.product].filter(Boolean).join(' ') || hex4(d.vendorId),
      mode: 'keyboard',
      state: 'keyboard',
      detail: `${hex4(d.vendorId)}:${hex4(d.productId)}`,
      profile: null,
    });
  }
  return out;
}

/** Barcode scanners of this workstation: their mode and state, settings, and the test wizard. */
export function BarcodeScannersPanel() {
  const { t } = useTranslation();
  useServiceEvents(EVENT_KEYS);
  const list = useApiQuery(DEVICES_KEY, () => motcua().devices.list());
  const [editing, setEditing] = useState<string | null>(null);
  const done = () => {
    setEditing(null);
    void list.refetch();
  };

  return (
    <section className="panel" data-testid="barcode-scanners-panel">
      <h2>{t('devices.barcodeTitle')}</h2>
      <div className="notice notice-warn" data-testid="wedge-advice">
        <p>{t('devices.wedgeAdvice')}</p>
      </div>
      <ScanTestWizard onSaved={done} />
      {list.error && <ErrorNotice error={list.error.apiError} />}
      {list.data?.problems.map((p) => (
        <ErrorNotice key={p.code} error={p} />
      ))}
      {list.data && (
        <section className="card">
          <header className="card-header">
            <h3>{t('devices.scanners')}</h3>
            <button
              type="button"
              className="button"
              data-testid="serial-add"
              onClick={() => setEditing('serial:new')}
            >
              {t('devices.addSerial')}
            </button>
          </header>
          <table className="table" data-testid="scanner-table">
            <thead>
              <tr>
                <th>{t('devices.device')}</th>
                <th>{t('devices.mode')}</th>
                <th>{t('devices.state')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows(list.data).map((r) => (
                <tr key={r.key} data-testid="scanner-row" data-key={r.key} data-state={r.state}>
                  <td>
                    {r.label || t('devices.modes.wedge')}
                    <div className="small muted">{r.detail}</div>
                  </td>
                  <td>{t(`devices.modes.${r.mode}`)}</td>
                  <td>
                    <span className={`badge state-${r.state}`}>
                      {t(`devices.states.${r.state}`)}
                    </span>
                  </td>
                  <td>
                    {r.mode !== 'keyboard' && (
                      <button
                        type="button"
                        className="link-button"
                        data-testid={`edit-${r.mode}`}
                        onClick={() => setEditing(editing === r.key ? null : r.key)}
                      >
                        {t('devices.settings')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {editing === 'wedge' &&
            (() => {
              // From the same listing as the table, so the form never shows older settings.
              const profile = list.data.profiles.find((p) => p.mode === 'wedge');
              return (
                <WedgeSettingsForm
                  key={profile?.updatedAt ?? 0}
                  initial={profile?.mode === 'wedge' ? profile.settings : DEFAULT_WEDGE_SETTINGS}
                  label={profile?.label ?? t('devices.modes.wedge')}
                  onDone={done}
                />
              );
            })()}
          {editing?.startsWith('serial:') && (
            <SerialProfileForm
              key={editing}
              profile={
                (list.data.profiles.find((p) => p.deviceKey === editing && p.mode === 'serial') as
                  Extract<Profile, { mode: 'serial' }> | undefined) ?? null
              }
              ports={list.data.serialPorts}
              onDone={done}
            />
          )}
          {editing?.startsWith('hid:') &&
            (() => {
              const profile = list.data.profiles.find((p) => p.deviceKey === editing);
              const state = list.data.scanners.find((s) => s.deviceKey === editing);
              return (
                <HidProfileForm
                  key={editing}
                  deviceKey={editing}
                  label={profile?.label ?? state?.label ?? editing}
                  enabled={profile?.enabled ?? true}
                  settings={profile?.mode === 'hid_pos' ? profile.settings : { layout: 'auto' }}
                  onDone={done}
                />
              );
            })()}
          <details className="small">
            <summary>
              {t('devices.allHid', { count: list.data.hid.length })} ·{' '}
              {t('devices.allSerial', { count: list.data.serialPorts.length })}
            </summary>
            <table className="table compact" data-testid="hid-table">
              <tbody>
                {list.data.hid.map((d) => (
                  <tr key={`${d.path}-${d.interface}`}>
                    <td>
                      <code>
                        {hex4(d.vendorId)}:{hex4(d.productId)}
                      </code>
                    </td>
                    <td>
                      <code>
                        {hex4(d.usagePage)}/{hex4(d.usage)}
                      </code>
                    </td>
                    <td>{d.product}</td>
                    <td>
                      <code>{d.path}</code>
                    </td>
                  </tr>
                ))}
                {list.data.serialPorts.map((p) => (
                  <tr key={p.path}>
                    <td colSpan={2}>COM</td>
                    <td>{p.manufacturer}</td>
                    <td>
                      <code>{p.path}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
      )}
    </section>
  );
}
