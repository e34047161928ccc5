import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigitizedDocument } from '../../../electron/api/calls/digitization';
import type { ScannerProfile } from '../../../electron/api/calls/scanners';
import { motcua } from '../api/motcua';
import { useApiMutation, useApiQuery } from '../api/use-api';
import { ErrorNotice } from './ErrorNotice';
import { PageGrid } from './scan/PageGrid';
import { draftKey, useDraft } from './scan/use-draft';

export interface ScanDialogProps {
  dossierCode: string;
  procedureKey: string;
  kind: 'component' | 'result';
  /** Reopen a draft (a scan that failed midway keeps its pages there). */
  draftId?: string;
  onClose: () => void;
  onSaved?: (document: DigitizedDocument) => void;
}

export function profileLine(
  t: (key: string, options?: Record<string, unknown>) => string,
  p: Pick<ScannerProfile, 'source' | 'duplex' | 'dpi' | 'colorMode'>,
) {
  return t('digitization.profileLine', {
    source: t(`digitization.source.${p.source}`),
    duplex: p.duplex ? t('digitization.duplexSuffix') : '',
    dpi: p.dpi,
    color: t(`digitization.color.${p.colorMode}`),
  });
}

/**
 * The clerk's scan flow, usable from any page that shows a dossier: pick the office's profile,
 * press Scan, watch pages arrive, keep/rotate pages, name the document from the procedure's list,
 * file it. Stop, or a device failure, leaves a draft with every page received so far.
 */
export function ScanDialog({
  dossierCode,
  procedureKey,
  kind,
  draftId: initialDraft,
  onClose,
  onSaved,
}: ScanDialogProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draftId, setDraftId] = useState<string | null>(initialDraft ?? null);
  const [profileId, setProfileId] = useState<number | null>(null);
  const [typeKey, setTypeKey] = useState('');
  const [title, setTitle] = useState('');
  const profiles = useApiQuery(['scanners.listProfiles'], () => motcua().scanners.listProfiles());
  const types = useApiQuery(['digitization.componentTypes', procedureKey], () =>
    motcua().digitization.componentTypes({ procedureKey }),
  );
  const draft = useDraft(draftId);
  const refreshDraft = () => void client.invalidateQueries({ queryKey: draftKey(draftId) });
  const chosenProfile = profileId ?? profiles.data?.[0]?.id ?? null;

  const start = useApiMutation(
    () =>
      motcua().digitization.startScan({
        ...(draftId ? { draftId } : { dossierCode }),
        ...(chosenProfile !== null ? { profileId: chosenProfile } : {}),
      }),
    (d) => {
      setDraftId(d.id);
      client.setQueryData(draftKey(d.id), d);
    },
  );
  const stop = useApiMutation(
    () => motcua().digitization.cancelScan({ draftId: draftId! }),
    refreshDraft,
  );
  const list = kind === 'component' ? types.data?.components : types.data?.results;
  const chosenType = typeKey || list?.[0]?.key || '';
  const typeLabel = list?.find((e) => e.key === chosenType)?.label ?? '';
  const save = useApiMutation(
    () =>
      motcua().digitization.saveDocument({
        draftId: draftId!,
        kind,
        componentType: chosenType,
        title: title.trim() || typeLabel,
      }),
    (doc) => {
      void client.invalidateQueries({ queryKey: ['digitization.documents', dossierCode] });
      void client.invalidateQueries({ queryKey: ['digitization.listDossiers'] });
      void client.invalidateQueries({ queryKey: ['digitization.listDrafts', dossierCode] });
      onSaved?.(doc);
    },
  );
  const discard = useApiMutation(
    () => motcua().digitization.discardDraft({ draftId: draftId! }),
    () => {
      void client.invalidateQueries({ queryKey: ['digitization.listDrafts', dossierCode] });
      void client.invalidateQueries({ queryKey: ['digitization.listDossiers'] });
      onClose();
    },
  );

  const d = draft.data;
  const scanning = d?.state === 'scanning' || start.isPending;
  const error = start.error ?? stop.error ?? save.error ?? discard.error;

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" data-testid="scan-dialog">
      <div className="modal modal-wide">
        <header className="card-header">
          <h2>{t(`digitization.dialogTitle.${kind}`, { code: dossierCode })}</h2>
          <button
            type="button"
            className="button"
            onClick={onClose}
            data-testid="scan-close"
            disabled={scanning}
          >
            {t('digitization.close')}
          </button>
        </header>

        <div className="scan-controls">
          <label htmlFor="scan-profile">{t('digitization.profile')}</label>
          {profiles.data && profiles.data.length === 0 ? (
            <p className="notice notice-warn" data-testid="no-profiles">
              {t('digitization.noProfiles')}
            </p>
          ) : (
            <select
              id="scan-profile"
              data-testid="scan-profile"
              value={chosenProfile ?? ''}
              disabled={scanning}
              onChange={(e) => setProfileId(Number(e.target.value))}
            >
              {profiles.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} — {profileLine(t, p)}
                </option>
              ))}
            </select>
          )}
          <div className="actions">
            <button
              type="button"
              className="button primary"
              data-testid="scan-start"
              disabled={scanning || chosenProfile === null}
              onClick={() => start.mutate(undefined)}
            >
              {d && d.pages.length > 0 ? t('digitization.continue') : t('digitization.start')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="scan-stop"
              disabled={!scanning || !draftId}
              onClick={() => stop.mutate(undefined)}
            >
              {t('digitization.stop')}
            </button>
          </div>
        </div>

        <p className="muted small" data-testid="page-policy">
          {t('digitization.policy')}
        </p>
        {d && (
          <p role="status" data-testid="scan-status" data-state={d.state}>
            {d.state === 'scanning'
              ? d.pages.length === 0
                ? t('digitization.waitingFirst')
                : t('digitization.scanning', { count: d.pages.length })
              : t('digitization.scanned', { count: d.pages.length, kept: d.keptPages })}
          </p>
        )}
        {d?.errorCode && d.state !== 'scanning' && (
          <ErrorNotice
            error={{ code: d.errorCode as never, message: d.errorMessage ?? d.errorCode }}
            testId="scan-error"
          />
        )}
        {error && <ErrorNotice error={error.apiError} testId="scan-call-error" />}
        {d && d.pages.length > 0 && <PageGrid draft={d} onChanged={refreshDraft} />}

        {d && d.state !== 'scanning' && d.pages.length > 0 && (
          <section className="scan-save">
            <div className="form-row">
              <label htmlFor="scan-type">{t('digitization.name')}</label>
              <select
                id="scan-type"
                data-testid="scan-type"
                value={chosenType}
                onChange={(e) => setTypeKey(e.target.value)}
              >
                {list?.map((e) => (
                  <option key={e.key} value={e.key}>
                    {e.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-row">
              <label htmlFor="scan-title">{t('digitization.titleLabel')}</label>
              <input
                id="scan-title"
                data-testid="scan-title"
                value={title}
                placeholder={typeLabel}
                onChange={(e) => setTitle(e.target.value)}
              />
            </div>
            {d.keptPages === 0 && <p className="muted">{t('digitization.keptPagesWarning')}</p>}
            <div className="actions">
              <button
                type="button"
                className="button primary"
                data-testid="scan-save"
                disabled={save.isPending || d.keptPages === 0 || chosenType === ''}
                onClick={() => save.mutate(undefined)}
              >
                {save.isPending ? t('digitization.saving') : t('digitization.save')}
              </button>
            </div>
          </section>
        )}
        {d && d.state !== 'scanning' && (
          <div className="actions">
            <button
              type="button"
              className="button"
              data-testid="scan-discard"
              disabled={discard.isPending}
              onClick={() => discard.mutate(undefined)}
            >
              {t('digitization.discard')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
