import type { Lang, UiStrings } from './i18n';
import { t } from './i18n';
import type { ForwardResult } from './model/useForward';

/** The reader's text; `result` is null while the model is still loading. */
export function TextInput(props: { text: string; onText: (text: string) => void; result: ForwardResult | null; nPositions: number; lang: Lang; ui: UiStrings }) {
  const { result, ui, lang } = props;
  return (
    <section className="text-input">
      <label htmlFor="reader-text">{ui.inputLabel}</label>
      <textarea
        id="reader-text"
        value={props.text}
        placeholder={ui.inputPlaceholder}
        rows={2}
        spellCheck={false}
        onChange={(e) => props.onText(e.target.value)}
      />
      <div className="notices" aria-live="polite">
        {result?.kind === 'empty' && <p className="notice">{ui.emptyText}</p>}
        {result?.kind === 'ok' && result.droppedTokens > 0 && (
          <p className="notice warn">{t(ui, 'truncated', lang, { n: result.totalTokens, T: props.nPositions })}</p>
        )}
        {result?.kind === 'ok' && result.hasChinese && <p className="notice">{ui.chineseText}</p>}
        {result?.kind === 'ok' && / $/.test(result.text) && <p className="notice">{ui.trailingSpace}</p>}
      </div>
    </section>
  );
}
