import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanDraft } from '../../../../electron/api/calls/digitization';
import { motcua } from '../../api/motcua';
import { useApiMutation } from '../../api/use-api';
import { usePageImage } from './use-draft';

type DraftPage = ScanDraft['pages'][number];

function Thumb({
  draftId,
  page,
  onPreview,
}: {
  draftId: string;
  page: DraftPage;
  onPreview: () => void;
}) {
  const image = usePageImage(draftId, page.seq, 'thumb');
  return (
    <button type="button" className="thumb-image" onClick={onPreview} aria-label={`#${page.seq}`}>
      {image.data ? (
        <img
          src={`data:${image.data.mime};base64,${image.data.dataBase64}`}
          alt=""
          style={{ transform: `rotate(${page.rotation}deg)` }}
          data-testid="page-thumb-img"
        />
      ) : (
        <span className="thumb-placeholder" />
      )}
    </button>
  );
}

function Preview({
  draftId,
  page,
  onClose,
}: {
  draftId: string;
  page: DraftPage;
  onClose: () => void;
}) {
  const image = usePageImage(draftId, page.seq, 'preview');
  return (
    <div
      className="preview-overlay"
      data-testid="page-preview"
      onClick={onClose}
      role="presentation"
    >
      {image.data && (
        <img
          src={`data:${image.data.mime};base64,${image.data.dataBase64}`}
          alt=""
          style={{ transform: `rotate(${page.rotation}deg)` }}
        />
      )}
    </div>
  );
}

/**
 * Live thumbnails of a draft: blank pages carry a flag and are left out unless kept; each page
 * can be rotated. Changes are refused by the service while the scan is still running.
 */
export function PageGrid({ draft, onChanged }: { draft: ScanDraft; onChanged: () => void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<DraftPage | null>(null);
  const update = useApiMutation(
    (input: { seq: number; keep: boolean; rotation: 0 | 90 | 180 | 270 }) =>
      motcua().digitization.updatePage({ draftId: draft.id, ...input }),
    onChanged,
  );
  const busy = draft.state === 'scanning' || update.isPending;
  return (
    <>
      <ol className="page-grid" data-testid="page-grid">
        {draft.pages.map((page) => (
          <li
            key={page.seq}
            className={`page-thumb${page.keep ? '' : ' left-out'}`}
            data-testid="page-thumb"
            data-seq={page.seq}
            data-blank={page.blank}
            data-keep={page.keep}
          >
            <Thumb draftId={draft.id} page={page} onPreview={() => setPreview(page)} />
            <div className="thumb-bar">
              <span className="thumb-number">{page.seq}</span>
              {page.blank && (
                <span className="badge badge-warn" data-testid="blank-flag">
                  {t('digitization.blank')}
                </span>
              )}
            </div>
            <div className="thumb-actions">
              <label className="small">
                <input
                  type="checkbox"
                  checked={page.keep}
                  disabled={busy}
                  data-testid="page-keep"
                  onChange={(e) =>
                    update.mutate({
                      seq: page.seq,
                      keep: e.target.checked,
                      rotation: page.rotation,
                    })
                  }
                />
                {t('digitization.keep')}
              </label>
              <button
                type="button"
                className="button small"
                disabled={busy}
                title={t('digitization.rotate')}
                data-testid="page-rotate"
                onClick={() =>
                  update.mutate({
                    seq: page.seq,
                    keep: page.keep,
                    rotation: ((page.rotation + 90) % 360) as 0 | 90 | 180 | 270,
                  })
                }
              >
                ↻
              </button>
            </div>
          </li>
        ))}
      </ol>
      {preview && <Preview draftId={draft.id} page={preview} onClose={() => setPreview(null)} />}
    </>
  );
}
