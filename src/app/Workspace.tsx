import { useDeferredValue } from 'react';
import type { Lang, UiStrings } from './i18n';
import { useModel } from './model/ModelContext';
import { useForward } from './model/useForward';
import { useText } from './state/text';
import { useUrlParam } from './state/url';
import { TextInput } from './TextInput';
import { Prediction } from './Prediction';
import { Explainer, ExplainerWithoutText } from './explainer/Explainer';
import { EmbeddingLab } from './lab/EmbeddingLab';

type View = 'read' | 'lab';
const parseView = (raw: string | null): View => (raw === 'lab' ? 'lab' : 'read');
const serializeView = (v: View) => (v === 'read' ? null : v);

// Stable across renders so useForward's memo key does not change on every keystroke elsewhere.
const FORWARD_OPTIONS = { logitRows: 'last' } as const;

/** Everything below the header once the model is loaded: the text, the prediction, then the chosen view. */
export function Workspace(props: { lang: Lang; ui: UiStrings }) {
  const loaded = useModel();
  const [text, setText] = useText();
  const [view, setView] = useUrlParam('view', parseView, serializeView, 'push');
  // The text box follows every key at once; the model and the figures catch up as soon as React has time,
  // so a long text never makes typing lag.
  const modelText = useDeferredValue(text);
  const result = useForward(loaded, modelText, FORWARD_OPTIONS);
  const { ui, lang } = props;
  return (
    <main data-model-ready>
      <div className="top-panel">
        <TextInput text={text} onText={setText} result={result} nPositions={loaded.model.config.nPositions} lang={lang} ui={ui} />
        <Prediction result={result} tokenizer={loaded.tokenizer} ui={ui} count={5} />
      </div>
      <nav className="view-switch" aria-label={ui.viewSwitch}>
        <button type="button" aria-pressed={view === 'read'} onClick={() => setView('read')} data-testid="view-read">
          {ui.viewRead}
        </button>
        <button type="button" aria-pressed={view === 'lab'} onClick={() => setView('lab')} data-testid="view-lab">
          {ui.viewLab}
        </button>
      </nav>
      {view === 'lab' ? <EmbeddingLab lang={lang} ui={ui} result={result} /> : result.kind === 'ok' ? <Explainer loaded={loaded} result={result} lang={lang} ui={ui} /> : <ExplainerWithoutText loaded={loaded} lang={lang} ui={ui} />}
    </main>
  );
}
