import { useMemo } from 'react';
import { lastLogits } from '../../core/trace';
import { unembeddingMatrix } from '../../core/model';
import { topK } from '../../core/topk';
import { fmt } from '../../viz/format';
import { layoutSignedBars } from '../../viz/output/bars';
import { useI18n } from '../i18n';
import { useModel } from '../model/ModelContext';
import { useRerun } from '../model/usePass';
import { parseFlag, useUrlParam, writeFlag } from '../state/url';
import { tokenLabel } from '../../viz/format';
import type { OutputProps } from './common';
import { WuMatrix } from './WuMatrix';
import { ByteNote } from '../ByteNote';
import { EveryPosition } from './EveryPosition';
import { VocabMatrix } from '../explainer/figures/VocabMatrix';
import { useWidth } from '../explainer/useWidth';
import { asIndex } from '../../content/fill';

const SHOWN = 10;
const ALL_ROWS = { logitRows: 'all' } as const;

/** Chapter 8: the last vector times W_u gives one logit per vocabulary entry. */
export function LogitsFigure({ result }: OutputProps) {
  const { ui, t } = useI18n();
  const { model, tokenizer } = useModel();
  const [everyPosition, setEveryPosition] = useUrlParam('out.every', parseFlag, writeFlag, 'replace');
  // The every-position view needs logits for all rows; that pass runs only while the toggle is on.
  const needsAll = everyPosition && result.kind === 'ok' && result.trace.logitsFrom !== 0;
  const full = useRerun(model, result, needsAll ? ALL_ROWS : null);
  const { nEmbd: C, vocabSize: V } = model.config;
  // A top-k over all V logits: worth doing once per trace, not once per render.
  const view = useMemo(() => {
    if (result.kind !== 'ok') return null;
    const logits = lastLogits(result.trace);
    const ids = topK(logits, SHOWN).map((r) => r.index);
    const values = ids.map((id) => logits[id]);
    const T = result.ids.length;
    return { ids, values, vector: result.trace.lnF.data.subarray((T - 1) * C, T * C), ...layoutSignedBars(values, 100) };
  }, [result, C]);
  const wuTensor = useMemo(() => unembeddingMatrix(model), [model]);
  const wu = wuTensor.data;
  const [figureRef, figureWidth] = useWidth<HTMLElement>(640);
  if (result.kind !== 'ok' || !view) return null;

  const { ids, values, bars, zeroX, vector } = view;
  const labels = ids.map((id) => tokenLabel(tokenizer, id));
  const allTrace = result.trace.logitsFrom === 0 ? result.trace : full;
  return (
    <section className="output-figure logits-figure" aria-label={ui.outLogitsTitle} ref={figureRef}>
      <h3>{ui.outLogitsTitle}</h3>
      <p className="caption">{t('outLogitsCaption', { V, C, k: SHOWN })}</p>
      <div className="logits-layout">
        <ol className="logit-list" data-testid="logit-bars">
          {ids.map((id, i) => (
            <li key={id}>
              <span className="token-chip">{labels[i]}</span>
              <svg
                className="logit-bar"
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                role="img"
                aria-label={t('outLogitBar', { token: labels[i], logit: fmt(values[i], 2) })}
              >
                <rect x={bars[i].x} y={1} width={Math.max(0.5, bars[i].width)} height={8} className={bars[i].positive ? 'pos' : 'neg'} />
                <line x1={zeroX} x2={zeroX} y1={0} y2={10} className="zero-line" />
              </svg>
              <span className="num">{fmt(values[i], 2)}</span>
            </li>
          ))}
        </ol>
        <WuMatrix wu={wu} vector={vector} ids={ids} labels={labels} logits={values} V={V} />
      </div>
      <ByteNote labels={labels} />
      <VocabMatrix
        matrix={wuTensor}
        marked={ids}
        selectedId={ids[0]}
        labelOf={(id) => tokenLabel(tokenizer, id)}
        width={figureWidth}
        caption={(every) => t('wuWholeCaption', { V, C, every, k: SHOWN })}
        hint={ui.wuWholeHint}
        describe={(id, c, value) =>
          t('wuWholeCell', { id: asIndex(id), c: asIndex(c), token: tokenLabel(tokenizer, id), value: fmt(value) })
        }
        testId="wu-whole-matrix"
      />
      <button
        type="button"
        aria-pressed={everyPosition}
        onClick={() => setEveryPosition(!everyPosition)}
        data-testid="every-position-toggle"
      >
        {ui.outEveryPosition}
      </button>
      {everyPosition && allTrace && <EveryPosition trace={allTrace} tokenizer={tokenizer} />}
    </section>
  );
}
