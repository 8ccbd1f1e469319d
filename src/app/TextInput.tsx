import { sentenceGap, useI18n } from './i18n';
import type { ForwardResult } from './model/runText';
import { isWarmUpPass } from './model/usePass';
import { simdSupported } from '../core/ops/simd';
import type { CutText } from './state/linkText';

/** The text did not fit in the page address: what a link holds, and whether that is all the model reads. */
export interface LinkCut {
  cut: CutText;
  total: number; // characters in the whole text
  keepsWhatModelReads: boolean;
}

/** The reader's text; `result` is null while the model is still loading. */
export function TextInput(props: {
  text: string;
  onText: (text: string) => void;
  result: ForwardResult | null;
  linkCut: LinkCut | null;
  openedCut: CutText | null; // the link this page was opened with held only the end of a longer text
  nPositions: number;
  nLayers: number;
}) {
  const { result } = props;
  const { ui, t } = useI18n();
  return (
    <section className="text-input" data-testid="text-input">
      <label htmlFor="reader-text">{ui.inputLabel}</label>
      <textarea
        id="reader-text"
        value={props.text}
        placeholder={ui.inputPlaceholder}
        rows={2}
        spellCheck={false}
        aria-describedby="reader-text-notices"
        onChange={(e) => props.onText(e.target.value)}
      />
      <div className="notices" id="reader-text-notices" aria-live="polite">
        {result?.kind === 'empty' && <p className="notice">{ui.emptyText}</p>}
        {result?.kind === 'ok' && result.droppedTokens > 0 && (
          <p className="notice warn">{t('truncated', { n: result.totalTokens, T: props.nPositions })}</p>
        )}
        {result?.kind === 'ok' && result.foreignScriptOrEmoji && <p className="notice">{ui.trainedOnEnglish}</p>}
        {result?.kind === 'ok' && / $/.test(result.text) && <p className="notice">{ui.trailingSpace}</p>}
        {props.linkCut && <LinkCutNotice linkCut={props.linkCut} />}
        {props.openedCut && props.openedCut.kept === props.text && (
          <p className="notice warn" data-testid="opened-cut">
            {t('linkOpenedCut', { n: props.openedCut.droppedChars })}
          </p>
        )}
      </div>
      {result?.kind === 'ok' && <ComputeNote result={result} nLayers={props.nLayers} />}
    </section>
  );
}

/** Said before the reader shares or opens the page elsewhere: what the link will hold, and that this tab keeps it all. */
function LinkCutNotice(props: { linkCut: LinkCut }) {
  const { linkCut } = props;
  const { ui, lang, t } = useI18n();
  const kept = [...linkCut.cut.kept].length;
  return (
    <p className="notice warn" data-testid="link-cut">
      {[t('linkCut', { kept, total: linkCut.total }), linkCut.keepsWhatModelReads ? ui.linkCutSame : ui.linkCutDiffers, ui.linkCutTab].join(
        sentenceGap(lang),
      )}
    </p>
  );
}

/** The forward pass behind every figure, as this browser just ran it. Outside the live region: it changes on every keystroke. */
function ComputeNote(props: { result: Extract<ForwardResult, { kind: 'ok' }>; nLayers: number }) {
  const { result } = props;
  const { ui, lang, t } = useI18n();
  const simd = simdSupported();
  return (
    <p className="compute-note" data-testid="compute-note" data-matrix-products={simd ? 'simd' : 'scalar'}>
      {[
        t(result.ids.length === 1 ? 'computedHereOne' : 'computedHere', {
          n: result.ids.length,
          L: props.nLayers,
          ms: result.forwardMs.toFixed(1),
        }),
        isWarmUpPass(result.trace) ? ui.computedWarmingUp : '',
        simd ? '' : ui.computedWithoutSimd,
      ]
        .filter(Boolean)
        .join(sentenceGap(lang))}
    </p>
  );
}
