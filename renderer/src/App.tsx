import { useTranslation } from 'react-i18next';
import { hostKind, motcua } from './api/motcua';
import { useApiQuery } from './api/use-api';
import { LANGUAGES, setLanguage, type Language } from './i18n';
import { navigate, usePageId } from './navigation';
import { DEFAULT_PAGE, PAGE_REGISTRY } from './pages/registry';

function StartupError({ code, message }: { code: string; message: string }) {
  const { t } = useTranslation();
  return (
    <main className="startup-error" data-testid="startup-error" data-code={code}>
      <h1>{t('app.startupFailed')}</h1>
      <p className="lead">{message}</p>
      <p className="muted">{t('app.startupHint')}</p>
      <p>
        {t('app.errorCode')}: <code>{code}</code>
      </p>
    </main>
  );
}

export function App() {
  const { t, i18n } = useTranslation();
  const pageId = usePageId();
  const current =
    PAGE_REGISTRY.find((p) => p.id === pageId) ?? PAGE_REGISTRY.find((p) => p.id === DEFAULT_PAGE)!;
  const Page = current.component;
  // The first call doubles as a health check: a database that failed to open is reported here.
  const info = useApiQuery(['system.info'], () => motcua().system.info(), { retry: false });

  if (info.error)
    return <StartupError code={info.error.apiError.code} message={info.error.apiError.message} />;
  if (!info.data) return <p className="muted loading">{t('app.loading')}</p>;

  return (
    <div className="shell" data-testid="app-ready">
      <nav className="sidebar">
        <div className="brand">
          <strong>{t('app.title')}</strong>
          <span className="muted small">{t('app.subtitle')}</span>
        </div>
        <ul>
          {PAGE_REGISTRY.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className={current.id === item.id ? 'nav-item active' : 'nav-item'}
                data-testid={`nav-${item.id}`}
                aria-current={current.id === item.id ? 'page' : undefined}
                onClick={() => navigate(item.id)}
              >
                {t(item.label)}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-footer">
          <label className="small">
            {t('app.language')}{' '}
            <select
              value={i18n.language}
              data-testid="language-select"
              onChange={(e) => setLanguage(e.target.value as Language)}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l === 'vi' ? 'Tiếng Việt' : 'English'}
                </option>
              ))}
            </select>
          </label>
          {hostKind() === 'web' && <span className="badge">{t('app.browserMode')}</span>}
        </div>
      </nav>
      <main className="content">
        <Page />
      </main>
    </div>
  );
}
