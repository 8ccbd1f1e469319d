import { useEffect } from 'react';
import { getUi, I18nProvider, useLang } from './i18n';
import { ModelProvider } from './model/ModelContext';
import { ModelBar } from './ModelBar';
import { Workspace } from './Workspace';
import { FigureBoundary } from './FigureBoundary';
import { PageFailed } from './PageFailed';

export function App() {
  const [lang, setLang] = useLang();
  const ui = getUi(lang);
  useEffect(() => {
    document.title = ui.appTitle;
    document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  }, [ui, lang]);
  return (
    <div className="app" lang={lang === 'zh' ? 'zh-Hans' : 'en'} data-testid="app">
      <I18nProvider lang={lang}>
        <ModelProvider>
          <header className="app-header">
            <div>
              <h1>{ui.appTitle}</h1>
              <p className="tagline">{ui.tagline}</p>
              <ModelBar />
            </div>
            {/* The visible name ("中文" / "English") is the accessible name; lang lets a screen reader pronounce it. */}
            <button type="button" className="lang-switch" title={ui.language} onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}>
              <span lang={lang === 'en' ? 'zh-Hans' : 'en'}>{ui.switchLanguage}</span>
            </button>
          </header>
          {/* The last fence: the header and the model stay, and the fallback keeps the reader's text at hand. */}
          <FigureBoundary id="page" resetKey="" failed={(message, retry) => <PageFailed message={message} onRetry={retry} />}>
            <Workspace
              error={(detail) => (
                <div className="status error" role="alert">
                  <p>{ui.modelLoadFailed}</p>
                  <details>
                    <summary>{ui.errorDetails}</summary>
                    <code>{detail}</code>
                  </details>
                </div>
              )}
            />
          </FigureBoundary>
        </ModelProvider>
      </I18nProvider>
    </div>
  );
}
