import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanSettingsInput, ScannerProfile } from '../../../../electron/api/calls/scanners';
import { motcua } from '../../api/motcua';
import { useApiMutation, useApiQuery } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { profileLine } from '../../components/ScanDialog';
import { PageGrid } from '../../components/scan/PageGrid';
import { draftKey, useDraft } from '../../components/scan/use-draft';
import '../../styles/digitization.css';

const PROFILES_KEY = ['scanners.listProfiles'] as const;
type Form = Required<ScanSettingsInput> & {
  id?: number;
  name: string;
  deviceUri: string;
  isDefault: boolean;
};
const EMPTY: Form = {
  name: '',
  deviceUri: '',
  source: 'feeder',
  duplex: false,
  dpi: 300,
  colorMode: 'color',
  deskew: false,
  isDefault: false,
};
const DPIS = [200, 240, 300, 400, 600];

function Check(props: {
  testId: string;
  label: string;
  checked: boolean;
  onChange: (value: boolean) => void;
}) {
  return (
    <label>
      <input
        type="checkbox"
        data-testid={props.testId}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}

/**
 * Document scanners for IT staff: find devices (SANE list, eSCL over mDNS, WIA/NAPS2), or type an
 * address; see what a device can do; keep the office's scan profiles; make a test scan.
 */
export function DocumentScannersPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<Form>(EMPTY);
  const [capsUri, setCapsUri] = useState<string | null>(null);
  const [testDraft, setTestDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const discover = useApiMutation(() => motcua().scanners.discover(), undefined);
  const caps = useApiQuery(
    ['scanners.capabilities', capsUri],
    () => motcua().scanners.capabilities({ uri: capsUri! }),
    {
      enabled: capsUri !== null,
      retry: false,
    },
  );
  const profiles = useApiQuery(PROFILES_KEY, () => motcua().scanners.listProfiles());
  const save = useApiMutation(
    (input: Form) => motcua().scanners.saveProfile(input),
    () => {
      setSaved(true);
      // Keep the device and settings for a test scan or a sibling profile; the name starts over.
      setForm(({ id: _id, ...rest }) => ({ ...rest, name: '', isDefault: false }));
      void client.invalidateQueries({ queryKey: PROFILES_KEY });
    },
  );
  const archive = useApiMutation(
    (id: number) => motcua().scanners.archiveProfile({ id }),
    () => void client.invalidateQueries({ queryKey: PROFILES_KEY }),
  );
  const test = useApiMutation(
    () =>
      motcua().digitization.startScan({
        device: {
          uri: form.deviceUri,
          settings: {
            source: form.source,
            duplex: form.duplex,
            dpi: form.dpi,
            colorMode: form.colorMode,
            deskew: form.deskew,
          },
        },
        maxPages: 1,
      }),
    (d) => {
      setTestDraft(d.id);
      client.setQueryData(draftKey(d.id), d);
    },
  );
  const draft = useDraft(testDraft);
  const dropTest = useApiMutation(
    () => motcua().digitization.discardDraft({ draftId: testDraft! }),
    () => setTestDraft(null),
  );

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(form);
  }
  const edit = (p: ScannerProfile) => setForm({ ...p });
  const page = draft.data?.pages[0];

  return (
    <section className="card" data-testid="document-scanners">
      <h2>{t('scanners.title')}</h2>
      <div className="actions">
        <button
          type="button"
          className="button"
          data-testid="scanners-discover"
          disabled={discover.isPending}
          onClick={() => discover.mutate(undefined)}
        >
          {discover.isPending ? t('scanners.discovering') : t('scanners.discover')}
        </button>
      </div>
      {discover.data && (
        <ul className="doc-list" data-testid="scanner-list">
          {discover.data.devices.length === 0 && <li className="muted">{t('scanners.none')}</li>}
          {discover.data.devices.map((d) => (
            <li key={d.uri} data-testid="scanner-found">
              <div>
                <strong>{d.name}</strong> <code className="small">{d.uri}</code>
                {d.detail && <div className="muted small">{d.detail}</div>}
              </div>
              <button type="button" className="button" onClick={() => set('deviceUri', d.uri)}>
                {t('scanners.use')}
              </button>
            </li>
          ))}
          {discover.data.unavailable.map((u) => (
            <li key={u.driver} className="muted small">
              {t('scanners.unavailable', { driver: u.driver, code: u.code })}
            </li>
          ))}
        </ul>
      )}

      <form className="inline-form" onSubmit={submit} data-testid="profile-form">
        <div className="form-row" style={{ gridColumn: '1 / -1' }}>
          <label htmlFor="scanner-uri">{t('scanners.manual')}</label>
          <input
            id="scanner-uri"
            data-testid="scanner-uri"
            value={form.deviceUri}
            onChange={(e) => set('deviceUri', e.target.value.trim())}
            spellCheck={false}
          />
          <span className="muted small">{t('scanners.manualHint')}</span>
        </div>
        <div className="form-row">
          <label htmlFor="profile-name">{t('scanners.name')}</label>
          <input
            id="profile-name"
            data-testid="profile-name"
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
          />
        </div>
        <div className="form-row">
          <label htmlFor="profile-source">{t('scanners.source')}</label>
          <select
            id="profile-source"
            data-testid="profile-source"
            value={form.source}
            onChange={(e) => set('source', e.target.value as Form['source'])}
          >
            <option value="feeder">{t('digitization.source.feeder')}</option>
            <option value="flatbed">{t('digitization.source.flatbed')}</option>
          </select>
        </div>
        <div className="form-row">
          <label htmlFor="profile-dpi">{t('scanners.dpi')}</label>
          <select
            id="profile-dpi"
            data-testid="profile-dpi"
            value={form.dpi}
            onChange={(e) => set('dpi', Number(e.target.value))}
          >
            {DPIS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor="profile-color">{t('scanners.color')}</label>
          <select
            id="profile-color"
            data-testid="profile-color"
            value={form.colorMode}
            onChange={(e) => set('colorMode', e.target.value as Form['colorMode'])}
          >
            {(['color', 'gray', 'bw'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`digitization.color.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="checks">
          <Check
            testId="profile-duplex"
            label={t('scanners.duplex')}
            checked={form.duplex}
            onChange={(v) => set('duplex', v)}
          />
          <Check
            testId="profile-deskew"
            label={t('scanners.deskew')}
            checked={form.deskew}
            onChange={(v) => set('deskew', v)}
          />
          <Check
            testId="profile-default"
            label={t('scanners.isDefault')}
            checked={form.isDefault}
            onChange={(v) => set('isDefault', v)}
          />
        </div>
        <p className="muted small" style={{ gridColumn: '1 / -1' }}>
          {t('scanners.profileHint')} {t('scanners.untestedWindows')}
        </p>
        <div className="actions">
          <button
            type="submit"
            className="button primary"
            data-testid="profile-save"
            disabled={!form.name || !form.deviceUri || save.isPending}
          >
            {t('scanners.save')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="scanner-caps"
            disabled={!form.deviceUri}
            onClick={() => setCapsUri(form.deviceUri)}
          >
            {t('scanners.showCapabilities')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="scanner-test"
            disabled={!form.deviceUri || test.isPending || draft.data?.state === 'scanning'}
            onClick={() => test.mutate(undefined)}
          >
            {t('scanners.testScan')}
          </button>
          {form.id !== undefined && (
            <button type="button" className="button" onClick={() => setForm(EMPTY)}>
              {t('scanners.new')}
            </button>
          )}
        </div>
      </form>
      {saved && (
        <p className="notice notice-ok" role="status" data-testid="profile-saved">
          {t('scanners.saved')}
        </p>
      )}
      {save.error && <ErrorNotice error={save.error.apiError} testId="profile-error" />}
      {test.error && <ErrorNotice error={test.error.apiError} testId="test-error" />}
      {caps.error && <ErrorNotice error={caps.error.apiError} testId="caps-error" />}

      {caps.data && (
        <div data-testid="scanner-capabilities">
          <h3>
            {t('scanners.capabilities')}: {caps.data.makeAndModel}
          </h3>
          <table className="table compact caps-table">
            <thead>
              <tr>
                <th>{t('scanners.source')}</th>
                <th>{t('scanners.resolutions')}</th>
                <th>{t('scanners.colorModes')}</th>
                <th>{t('scanners.formats')}</th>
              </tr>
            </thead>
            <tbody>
              {caps.data.sources.map((s, i) => (
                <tr key={i} data-testid="caps-source">
                  <td>
                    {t(`digitization.source.${s.source}`)}
                    {s.duplex ? t('digitization.duplexSuffix') : ''}
                    {s.nativeName && <div className="muted small">{s.nativeName}</div>}
                  </td>
                  <td>{s.resolutions.join(', ')}</td>
                  <td>{s.colorModes.map((c) => t(`digitization.color.${c}`)).join(', ')}</td>
                  <td className="small">{s.formats.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {draft.data && (
        <div data-testid="test-scan">
          {draft.data.errorCode && draft.data.state !== 'scanning' && (
            <ErrorNotice
              error={{
                code: draft.data.errorCode as never,
                message: draft.data.errorMessage ?? '',
              }}
              testId="test-scan-error"
            />
          )}
          {page && (
            <p data-testid="test-result">
              {t('scanners.testResult', { width: page.width, height: page.height, dpi: page.dpi })}
            </p>
          )}
          <PageGrid
            draft={draft.data}
            onChanged={() => void client.invalidateQueries({ queryKey: draftKey(testDraft) })}
          />
          {draft.data.state !== 'scanning' && (
            <button
              type="button"
              className="button"
              data-testid="test-discard"
              onClick={() => dropTest.mutate(undefined)}
            >
              {t('scanners.testDiscard')}
            </button>
          )}
        </div>
      )}

      <h3>{t('scanners.profiles')}</h3>
      {profiles.data?.length === 0 && <p className="muted">{t('scanners.noProfiles')}</p>}
      <ul className="doc-list" data-testid="profile-list">
        {profiles.data?.map((p) => (
          <li key={p.id} data-testid="profile-row">
            <div>
              <strong>{p.name}</strong>{' '}
              {p.isDefault && <span className="badge badge-ok">{t('scanners.isDefault')}</span>}
              <div className="muted small">
                <code>{p.deviceUri}</code> · {profileLine(t, p)}
              </div>
            </div>
            <div className="actions">
              <button type="button" className="button" onClick={() => edit(p)}>
                {t('scanners.edit')}
              </button>
              <button
                type="button"
                className="button"
                data-testid="profile-archive"
                onClick={() => archive.mutate(p.id)}
              >
                {t('scanners.archive')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
