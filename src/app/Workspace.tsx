import type { Lang, UiStrings } from './i18n';
import { useModel } from './model/ModelContext';
import { useForward } from './model/useForward';
import { useText } from './state/text';
import { TextInput } from './TextInput';
import { Prediction } from './Prediction';

/** Everything below the header once the model is loaded. */
export function Workspace(props: { lang: Lang; ui: UiStrings }) {
  const loaded = useModel();
  const [text, setText] = useText();
  const result = useForward(loaded, text, { logitRows: 'last' });
  return (
    <main data-model-ready>
      <TextInput text={text} onText={setText} result={result} nPositions={loaded.model.config.nPositions} lang={props.lang} ui={props.ui} />
      <Prediction result={result} tokenizer={loaded.tokenizer} ui={props.ui} />
    </main>
  );
}
