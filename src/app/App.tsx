import { getUi, t, useLang } from './i18n';
import { ModelProvider } from './model/ModelContext';
import { Workspace } from './Workspace';

export function App() {
  const [lang, setLang] = useLang();
  const ui = getUi(lang);
  return (
    <div className="app" lang={lang === 'zh' ? 'zh-Hans' : 'en'}>
      <header className="app-header">
        <div>
          <h1>{ui.appTitle}</h1>
          <p className="tagline">{ui.tagline}</p>
        </div>
        <button
          type="button"
          className="lang-switch"
          aria-label={ui.language}
          onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}
        >
          {ui.switchLanguage}
        </button>
      </header>
      <ModelProvider
        loading={<p className="status">{ui.loadingModel}</p>}
        error={(message) => (
          <p className="status error" role="alert">
            {t(ui, 'modelLoadError', lang, { error: message })}
          </p>
        )}
      >
        <Workspace lang={lang} ui={ui} />
      </ModelProvider>
    </div>
  );
}
