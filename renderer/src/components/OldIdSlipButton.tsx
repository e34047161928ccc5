import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { motcua } from '../api/motcua';
import { CallError, unwrap } from '../api/use-api';
import { pdfBlobUrl } from '../files';
import { ErrorNotice } from './ErrorNotice';

interface Slip {
  url: string;
  fileName: string;
  file: string;
}

/** The old 9-digit ID as a one-page PDF slip: preview, print, and the saved file's location. */
export function OldIdSlipButton({ scanId }: { scanId: string }) {
  const { t } = useTranslation();
  const [slip, setSlip] = useState<Slip | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => () => (slip ? URL.revokeObjectURL(slip.url) : undefined), [slip]);

  async function make() {
    setBusy(true);
    try {
      const value = await unwrap(motcua().intake.oldIdSlip({ scanId }));
      setSlip({ url: pdfBlobUrl(value.pdfBase64), fileName: value.fileName, file: value.file });
      setError(null);
    } catch (e) {
      if (e instanceof CallError) setError(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {' '}
      <button
        type="button"
        className="link-button"
        data-testid="print-old-id"
        disabled={busy}
        onClick={() => void make()}
      >
        {busy ? t('counter.slipMaking') : t('counter.printOldId')}
      </button>
      {error && <ErrorNotice error={error.apiError} testId="slip-error" />}
      {slip && (
        <div className="slip-backdrop">
          <div className="slip-preview" role="dialog" aria-modal="true" data-testid="old-id-slip">
            <iframe ref={frame} src={slip.url} title={slip.fileName} />
            <p className="small muted" data-testid="old-id-slip-file">
              {t('counter.slipSaved', { file: slip.file })}
            </p>
            <div className="actions">
              <button
                type="button"
                className="button primary"
                onClick={() => frame.current?.contentWindow?.print()}
              >
                {t('counter.print')}
              </button>
              <a className="button" href={slip.url} download={slip.fileName}>
                {t('counter.download')}
              </a>
              <button type="button" className="button" onClick={() => setSlip(null)}>
                {t('counter.close')}
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
