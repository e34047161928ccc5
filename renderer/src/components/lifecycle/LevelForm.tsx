import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../../../electron/api/calls/procedures';
import type { ServiceLevel } from '../../../../electron/api/schemas';
import { motcua } from '../../api/motcua';
import { useApiMutation } from '../../api/use-api';
import { ErrorNotice } from '../ErrorNotice';

const LEVELS: ServiceLevel[] = ['full', 'partial', 'info_only'];

/** Records a change of current level, target or deadline, with the reason, as a history entry. */
export function LevelForm({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [current, setCurrent] = useState('');
  const [target, setTarget] = useState('');
  const [deadline, setDeadline] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useApiMutation(
    (input: Parameters<ReturnType<typeof motcua>['procedures']['setLevel']>[0]) =>
      motcua().procedures.setLevel(input),
    () => {
      setSaved(true);
      setCurrent('');
      setTarget('');
      setDeadline('');
      setNote('');
      void client.invalidateQueries();
    },
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate({
      key: procedure.key,
      note,
      ...(current ? { currentLevel: current } : {}),
      ...(target ? { targetLevel: target } : {}),
      ...(deadline ? { deadline } : {}),
    });
  }

  const select = (value: string, set: (v: string) => void, testId: string, label: string) => (
    <div className="form-row">
      <label htmlFor={testId}>{label}</label>
      <select id={testId} data-testid={testId} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">{t('catalog.keep')}</option>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`level.${l}`)} ({l})
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="card" onSubmit={submit} data-testid="level-form">
      <h3>{t('catalog.changeLevel')}</h3>
      {select(current, setCurrent, 'level-current', t('catalog.currentLevel'))}
      {select(target, setTarget, 'level-target', t('catalog.targetLevel'))}
      <div className="form-row">
        <label htmlFor="level-deadline">{t('catalog.deadline')}</label>
        <input
          id="level-deadline"
          type="date"
          data-testid="level-deadline"
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
        />
      </div>
      <div className="form-row">
        <label htmlFor="level-note">{t('catalog.note')}</label>
        <textarea
          id="level-note"
          data-testid="level-note"
          rows={2}
          value={note}
          placeholder={t('catalog.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="actions">
        <button
          type="submit"
          className="button primary"
          data-testid="level-save"
          disabled={save.isPending}
        >
          {t('catalog.save')}
        </button>
      </div>
      {save.error && <ErrorNotice error={save.error.apiError} testId="level-error" />}
      {saved && (
        <p className="notice notice-ok" role="status" data-testid="level-saved">
          {t('catalog.saved')}
        </p>
      )}
    </form>
  );
}
