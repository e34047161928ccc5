import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { motcua } from '../api/motcua';
import { useApiQuery } from '../api/use-api';
import { pdfBlobUrl } from '../files';
import { ErrorNotice } from './ErrorNotice';

/**
 * The filed PDF in the app's own window: bytes come through the contract (the service checks the
 * sha256 first), become a blob: URL, and Chromium's viewer shows them in a frame (CSP frame-src
 * blob:). Nothing is written to a temporary file outside the data folder.
 */
export function PdfViewer({
  documentId,
  title,
  onClose,
}: {
  documentId: number;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const pdf = useApiQuery(
    ['digitization.documentPdf', documentId],
    async () => {
      const result = await motcua().digitization.documentPdf({ documentId });
      if (!result.ok) return result;
      const url = pdfBlobUrl(result.value.dataBase64);
      return {
        ok: true as const,
        value: { fileName: result.value.fileName, pages: result.value.pages, url },
      };
    },
    { staleTime: 0, gcTime: 0 },
  );
  const url = pdf.data?.url ?? null;
  useEffect(() => (url ? () => URL.revokeObjectURL(url) : undefined), [url]);
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" data-testid="pdf-viewer">
      <div className="modal modal-wide">
        <header className="card-header">
          <h2>{t('digitization.pdfTitle', { title })}</h2>
          <button type="button" className="button" onClick={onClose} data-testid="pdf-close">
            {t('digitization.close')}
          </button>
        </header>
        {pdf.isPending && <p className="muted">{t('app.loading')}</p>}
        {pdf.error && <ErrorNotice error={pdf.error.apiError} testId="pdf-error" />}
        {url && pdf.data && (
          <>
            <p className="muted small">
              {pdf.data.fileName} · {t('digitization.pages', { count: pdf.data.pages })}
            </p>
            <iframe className="pdf-frame" src={url} title={title} data-testid="pdf-frame" />
          </>
        )}
      </div>
    </div>
  );
}
