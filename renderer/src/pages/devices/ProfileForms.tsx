import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  HidSettings,
  Profile,
  ProfileInput,
  SerialPortEntry,
  SerialSettings,
  WedgeSettings,
} from '../../../../electron/api/device-schemas';
import { motcua } from '../../api/motcua';
import { useApiMutation } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';

const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];
const keyList = (text: string) =>
  text
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);

/** A labelled select whose options carry typed values (numbers stay numbers). */
function Choice<V extends string | number>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
  testId?: string;
}) {
  return (
    <label>
      {label}
      <select
        data-testid={testId}
        value={String(value)}
        onChange={(e) => onChange(options[e.target.selectedIndex]![0])}
      >
        {options.map(([v, text]) => (
          <option key={String(v)} value={String(v)}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function EnabledBox({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {t('devices.enabled')}
    </label>
  );
}

function useSave(onDone: () => void) {
  return useApiMutation((input: ProfileInput) => motcua().devices.saveProfile(input), onDone);
}

/** Thresholds of the keyboard wedge (one per workstation: a browser cannot tell keyboards apart). */
export function WedgeSettingsForm({
  initial,
  label,
  onDone,
}: {
  initial: WedgeSettings;
  label: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    interKeyGapMs: String(initial.interKeyGapMs),
    minLength: String(initial.minLength),
    prefixKeys: initial.prefixKeys.join(', '),
    suffixKeys: initial.suffixKeys.join(', '),
    suffixWaitMs: String(initial.suffixWaitMs),
  });
  const save = useSave(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      deviceKey: 'wedge',
      mode: 'wedge',
      label,
      settings: {
        interKeyGapMs: Number(form.interKeyGapMs),
        minLength: Number(form.minLength),
        prefixKeys: keyList(form.prefixKeys),
        suffixKeys: keyList(form.suffixKeys),
        suffixWaitMs: Number(form.suffixWaitMs),
      },
    });
  };
  const field = (name: keyof typeof form, type = 'text') => (
    <label key={name}>
      {t(`devices.wedge.${name}`)}
      <input
        type={type}
        data-testid={`wedge-${name}`}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
    </label>
  );
  return (
    <form className="form-grid" onSubmit={submit} data-testid="wedge-form">
      {field('interKeyGapMs', 'number')}
      {field('minLength', 'number')}
      {field('prefixKeys')}
      {field('suffixKeys')}
      {field('suffixWaitMs', 'number')}
      <p className="small muted">{t('devices.wedge.hint')}</p>
      <div className="actions">
        <button type="submit" className="button primary" data-testid="wedge-save">
          {t('devices.save')}
        </button>
      </div>
      {save.error && <ErrorNotice error={save.error.apiError} />}
    </form>
  );
}

/** Line settings of a serial (USB CDC / virtual COM) scanner; the reader reopens on save. */
export function SerialProfileForm({
  profile,
  ports,
  onDone,
}: {
  profile: Extract<Profile, { mode: 'serial' }> | null;
  ports: SerialPortEntry[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(profile?.label ?? '');
  const [enabled, setEnabled] = useState(profile?.enabled ?? true);
  const [s, setS] = useState<SerialSettings>(
    profile?.settings ?? {
      path: ports[0]?.path ?? '',
      baudRate: 9600,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      suffix: 'CR',
      idleMs: 60,
    },
  );
  const save = useSave(onDone);
  const remove = useApiMutation(
    (deviceKey: string) => motcua().devices.deleteProfile({ deviceKey }),
    onDone,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      deviceKey: `serial:${s.path}`,
      mode: 'serial',
      label: label.trim() || s.path,
      enabled,
      settings: s,
    });
  };
  const set = <K extends keyof SerialSettings>(key: K, value: SerialSettings[K]) =>
    setS({ ...s, [key]: value });
  return (
    <form className="form-grid" onSubmit={submit} data-testid="serial-form">
      <label>
        {t('devices.serial.path')}
        <input
          list="serial-ports"
          data-testid="serial-path"
          value={s.path}
          disabled={profile !== null}
          onChange={(e) => set('path', e.target.value)}
        />
        <datalist id="serial-ports">
          {ports.map((p) => (
            <option key={p.path} value={p.path}>
              {p.manufacturer ?? ''}
            </option>
          ))}
        </datalist>
      </label>
      <label>
        {t('devices.label')}
        <input
          data-testid="serial-label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
      </label>
      <Choice
        label={t('devices.serial.baudRate')}
        testId="serial-baud"
        value={s.baudRate}
        options={BAUD_RATES.map((b) => [b, String(b)])}
        onChange={(v) => set('baudRate', v)}
      />
      <Choice
        label={t('devices.serial.dataBits')}
        value={s.dataBits}
        options={([8, 7, 6, 5] as const).map((b) => [b, String(b)])}
        onChange={(v) => set('dataBits', v)}
      />
      <Choice
        label={t('devices.serial.parity')}
        testId="serial-parity"
        value={s.parity}
        options={(['none', 'even', 'odd', 'mark', 'space'] as const).map((p) => [
          p,
          t(`devices.serial.parities.${p}`),
        ])}
        onChange={(v) => set('parity', v)}
      />
      <Choice
        label={t('devices.serial.stopBits')}
        value={s.stopBits}
        options={([1, 1.5, 2] as const).map((b) => [b, String(b)])}
        onChange={(v) => set('stopBits', v)}
      />
      <Choice
        label={t('devices.serial.suffix')}
        testId="serial-suffix"
        value={s.suffix}
        options={(['CR', 'LF', 'CRLF', 'idle'] as const).map((x) => [
          x,
          t(`devices.serial.suffixes.${x}`),
        ])}
        onChange={(v) => set('suffix', v)}
      />
      {s.suffix === 'idle' && (
        <label>
          {t('devices.serial.idleMs')}
          <input
            type="number"
            value={s.idleMs}
            onChange={(e) => set('idleMs', Number(e.target.value))}
          />
        </label>
      )}
      <EnabledBox checked={enabled} onChange={setEnabled} />
      <div className="actions">
        <button type="submit" className="button primary" data-testid="serial-save">
          {t('devices.save')}
        </button>
        {profile && (
          <button
            type="button"
            className="button"
            data-testid="serial-delete"
            onClick={() => remove.mutate(profile.deviceKey)}
          >
            {t('devices.delete')}
          </button>
        )}
      </div>
      {save.error && <ErrorNotice error={save.error.apiError} />}
    </form>
  );
}

/** Name, on/off and the report layout of a HID POS scanner (auto unless the vendor lies). */
export function HidProfileForm({
  deviceKey,
  label: initialLabel,
  settings,
  enabled: initialEnabled,
  onDone,
}: {
  deviceKey: string;
  label: string;
  settings: HidSettings;
  enabled: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(initialLabel);
  const [enabled, setEnabled] = useState(initialEnabled);
  const [layout, setLayout] = useState<HidSettings['layout']>(settings.layout);
  const save = useSave(onDone);
  return (
    <form
      className="form-grid"
      data-testid="hid-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ deviceKey, mode: 'hid_pos', label, enabled, settings: { layout } });
      }}
    >
      <label>
        {t('devices.label')}
        <input value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <Choice
        label={t('devices.layout')}
        value={layout}
        options={(['auto', 'honeywell', 'newland', 'descriptor'] as const).map((l) => [
          l,
          t(`devices.layouts.${l}`),
        ])}
        onChange={setLayout}
      />
      <EnabledBox checked={enabled} onChange={setEnabled} />
      <div className="actions">
        <button type="submit" className="button primary">
          {t('devices.save')}
        </button>
      </div>
      {save.error && <ErrorNotice error={save.error.apiError} />}
    </form>
  );
}
