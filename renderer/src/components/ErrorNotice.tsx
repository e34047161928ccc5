import { useTranslation } from 'react-i18next';
import { errorCatalog, isErrorCode } from '../../../electron/api/errors';

/** An API error, or a QR result's error (same code + message, code not narrowed). */
export interface ShownError {
  code: string;
  message: string;
}

/** The API speaks Vietnamese; in English mode the same code is looked up in the catalogue. */
export function useErrorText() {
  const { i18n } = useTranslation();
  return (error: ShownError): string =>
    i18n.language === 'en' && isErrorCode(error.code) ? errorCatalog[error.code].en : error.message;
}

export function ErrorNotice({ error, testId }: { error: ShownError; testId?: string }) {
  const text = useErrorText();
  const { t } = useTranslation();
  return (
    <div
      className="notice notice-error"
      role="alert"
      data-testid={testId ?? 'error-notice'}
      data-code={error.code}
    >
      <p>{text(error)}</p>
      <p className="muted small">
        {t('app.errorCode')}: <code>{error.code}</code>
      </p>
    </div>
  );
}
