import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogDiff } from '../../../../electron/api/calls/catalog';
import { motcua } from '../../api/motcua';
import { CallError, unwrap, useApiMutation } from '../../api/use-api';
import { downloadFile, readChosenFile } from '../../files';
import { ErrorNotice } from '../ErrorNotice';
import type { ApiError } from '../../../../electron/api/errors';

interface Pending {
  file: { format: 'json' | 'xlsx'; content: string; fileName: string };
  diff: CatalogDiff;
  token: string;
}

function DiffView({ diff }: { diff: CatalogDiff }) {
  const { t } = useTranslation();
  const none = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <div data-testid="catalog-diff">
      <h3>{t('catalog.diffTitle', { to: diff.toVersion, from: diff.fromVersion ?? '—' })}</h3>
      {none && <p>{t('catalog.noChanges')}</p>}
      {diff.added.length > 0 && (
        <p>
          <strong>{t('catalog.added')}:</strong> {diff.added.map((p) => p.name).join('; ')}
        </p>
      )}
      {diff.removed.length > 0 && (
        <p>
          <strong>{t('catalog.removed')}:</strong> {diff.removed.map((p) => p.name).join('; ')}
        </p>
      )}
      {diff.changed.length > 0 && (
        <>
          <strong>{t('catalog.changed')}:</strong>
          <ul className="diff-list">
            {diff.changed.map((p) => (
              <li key={p.key} data-testid={`diff-${p.key}`}>
                {p.name}
                <ul>
                  {p.fields.map((f) => (
                    <li key={f.field}>
                      <code>{f.field}</code>: {f.before} → <strong>{f.after}</strong>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted small">{t('catalog.unchanged', { count: diff.unchanged })}</p>
    </div>
  );
}

/** Export the active catalogue; import a province's file: preview the diff, then apply. */
export function CatalogImport({ version }: { version: string | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const apply = useApiMutation(
    (p: Pending) => motcua().catalog.applyImport({ ...p.file, token: p.token }),
    (result) => {
      setApplied(result.version);
      setPending(null);
      void client.invalidateQueries();
    },
  );

  async function choose(file: File | undefined) {
    setError(null);
    setApplied(null);
    setPending(null);
    if (!file) return;
    const read = await readChosenFile(file);
    try {
      const preview = await unwrap(motcua().catalog.previewImport(read));
      setPending({ file: read, ...preview });
    } catch (e) {
      if (e instanceof CallError) setError(e.apiError);
      else throw e;
    }
  }

  async function exportAs(format: 'json' | 'xlsx') {
    downloadFile(await unwrap(motcua().catalog.export({ format })));
  }

  const issues = (error?.details?.issues ?? []) as { path: string; message: string }[];
  return (
    <section className="card" data-testid="catalog-import">
      <h2>{t('catalog.export')}</h2>
      <p className="muted small">{t('catalog.version', { version: version ?? '—' })}</p>
      <div className="actions">
        <button
          type="button"
          className="button"
          data-testid="export-json"
          onClick={() => void exportAs('json')}
        >
          {t('catalog.exportJson')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="export-xlsx"
          onClick={() => void exportAs('xlsx')}
        >
          {t('catalog.exportXlsx')}
        </button>
      </div>
      <h2>{t('catalog.import')}</h2>
      <p className="muted small">{t('catalog.importHint')}</p>
      <input
        type="file"
        accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="import-file"
        onChange={(e) => void choose(e.target.files?.[0])}
      />
      {error && (
        <>
          <ErrorNotice error={error} testId="import-error" />
          {issues.length > 0 && (
            <ul className="diff-list" data-testid="import-issues">
              {issues.map((i, n) => (
                <li key={n}>
                  <code>{i.path}</code>: {i.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {pending && (
        <>
          <DiffView diff={pending.diff} />
          <div className="actions">
            <button
              type="button"
              className="button primary"
              data-testid="import-apply"
              disabled={apply.isPending}
              onClick={() => apply.mutate(pending)}
            >
              {t('catalog.apply')}
            </button>
            <button type="button" className="button" onClick={() => setPending(null)}>
              {t('catalog.cancel')}
            </button>
          </div>
        </>
      )}
      {apply.error && <ErrorNotice error={apply.error.apiError} />}
      {applied && (
        <p className="notice notice-ok" role="status" data-testid="import-applied">
          {t('catalog.applied', { version: applied })}
        </p>
      )}
    </section>
  );
}
