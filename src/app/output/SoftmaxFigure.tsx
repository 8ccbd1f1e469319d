import { useMemo, useRef } from 'react';
import { lastLogits } from '../../core/trace';
import { drawableCount, samplingDistribution } from '../../core/sampling';
import { topK } from '../../core/topk';
import { probabilityWidths } from '../../viz/output/bars';
import { useI18n } from '../i18n';
import { useModel } from '../model/ModelContext';
import { fmt, formatPercent, tokenLabel } from '../../viz/format';
import type { OutputProps } from './common';
import { useSharedSampling } from './SamplingOwner';
import { SamplingControls } from './SamplingControls';
import { BAR_UNITS, ProbBar, useBarTransition } from './ProbBar';
import { ByteNote } from '../ByteNote';

const SHOWN = 12;

/** Chapter 9: the last position's logits through temperature, top-k and top-p, without rerunning anything. */
export function SoftmaxFigure({ result }: OutputProps) {
  const { ui, t, labelled } = useI18n();
  const { tokenizer, model } = useModel();
  const V = model.config.vocabSize;
  const sampling = useSharedSampling();
  const { settings } = sampling;
  // lastLogits makes a new view each call; keyed on the result, the top-k and softmax over V below run once per trace or setting.
  const logits = useMemo(() => (result.kind === 'ok' ? lastLogits(result.trace) : null), [result]);
  // Temperature keeps the order of the logits, so the same tokens stay on screen while the sliders move.
  const shown = useMemo(() => (logits ? topK(logits, SHOWN).map((r) => r.index) : []), [logits]);
  const view = useMemo(() => {
    if (!logits) return null;
    const { probs, kept } = samplingDistribution(logits, settings);
    const keptByK = settings.topK === null ? null : samplingDistribution(logits, { ...settings, topP: null }).kept;
    const drawable = drawableCount({ probs, kept });
    let restMass = 1;
    for (const id of shown) restMass -= probs[id];
    return { probs, kept, keptByK, drawable, restMass: Math.max(0, restMass) };
  }, [logits, settings, shown]);
  const list = useRef<HTMLOListElement>(null);
  const widths = view ? [...shown.map((id) => view.probs[id]), view.restMass] : [];
  useBarTransition(list, probabilityWidths(widths, BAR_UNITS));
  if (!logits || !view) return null;

  const removedBy = (id: number) => {
    if (view.kept[id]) return null;
    if (settings.temperature === 0) return null;
    return view.keptByK && !view.keptByK[id] ? ui.outRemovedByTopK : ui.outRemovedByTopP;
  };
  return (
    <section className="output-figure softmax-figure" aria-label={ui.outSoftmaxTitle}>
      <h3>{ui.outSoftmaxTitle}</h3>
      <p className="caption">{ui.outSoftmaxCaption}</p>
      <SamplingControls sampling={sampling} />
      {settings.temperature === 0 && <p className="notice">{ui.outGreedyNote}</p>}
      <p className="kept-count" data-testid="kept-count">
        {t('outKeptCount', { n: view.drawable, V })}
      </p>
      <ol ref={list} className="prob-list" data-testid="softmax-bars">
        <li className="prob-head" aria-hidden="true">
          <span>{ui.token}</span>
          <span className="head-logit">{ui.logit}</span>
          <span className="head-prob">{ui.probability}</span>
        </li>
        {shown.map((id) => {
          const why = removedBy(id);
          const label = tokenLabel(tokenizer, id);
          return (
            <li key={id} className={why || (settings.temperature === 0 && !view.kept[id]) ? 'removed' : undefined} title={why ?? undefined}>
              <span className="token-cell">
                <span className="token-chip">{label}</span>
                {why && <span className="removed-tag">{why}</span>}
              </span>
              <span className="num">{fmt(logits[id], 2)}</span>
              <ProbBar
                label={labelled(label, formatPercent(view.probs[id])) + (why ? t('inParentheses', { value: why }) : '')}
                removed={!view.kept[id]}
              />
              <span className="num" data-prob={view.probs[id]}>
                {formatPercent(view.probs[id])}
              </span>
            </li>
          );
        })}
        <li className="prob-rest">
          <span className="rest-label">{t('outRestTokens', { n: V - shown.length })}</span>
          <span />
          <ProbBar label={formatPercent(view.restMass)} />
          <span className="num">{formatPercent(view.restMass)}</span>
        </li>
      </ol>
      <ByteNote labels={shown.map((id) => tokenLabel(tokenizer, id))} />
    </section>
  );
}
