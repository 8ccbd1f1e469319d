import { useMemo, useRef, useState } from 'react';
import type { GPTModel } from '../../core/model';
import type { Trace } from '../../core/trace';
import type { Stage } from '../../viz/stages';
import { substitute, type Focus } from '../../viz/substitute';
import { fmt, formatPercent } from '../../viz/format';
import { lensTop } from '../../core/lens';
import { lensStreamForStage, lensStreamVector, type LensStream } from '../../viz/output/lensRow';
import { cellLabel } from '../../viz/cellLabel';
import { clampFocus, defaultFocus } from '../../viz/focus';
import { type I18n, sentenceGap, useI18n } from '../i18n';
import type { Selection, SelectionActions } from './useSelection';
import { StepperControls } from './StepperControls';
import { HeadPicker, LayerPicker } from './Pickers';
import { StageFigure } from './StageFigure';
import { Tex } from './Tex';
import { SideScroll } from '../SideScroll';
import { useWidth } from './useWidth';
import { EmbeddingMatrix } from './figures/VocabMatrix';
import { ByteNote } from '../ByteNote';

const LENS_K = 3;

interface ChosenCell {
  focus: Focus;
  stage: Stage;
  trace: Trace;
}

interface Props {
  model: GPTModel;
  trace: Trace;
  labels: readonly string[]; // each position's token as tokenLabel shows it
  labelOf: (id: number) => string; // any vocabulary id's label
  stages: readonly Stage[];
  selection: Selection;
  actions: SelectionActions;
  /** Takes the reader back to where a jump to the stepper came from; absent when they did not jump here. */
  onBack?: () => void;
}

/** Step through one forward pass: a figure of the stage's tensor, the hovered value, and its formula with real numbers. */
export function Stepper(props: Props) {
  const { model, trace, stages, selection, actions } = props;
  const i18n = useI18n();
  const { ui, lang, t } = i18n;
  const { stage, tok, head } = selection;
  // A hovered or pinned cell belongs to one stage's matrix of one pass; a new stage or text starts
  // from its own default. Each is stored with the stage and trace it was chosen on, and simply stops
  // counting when those change: resetting it from an effect would cost a render per step, and holding
  // → down piled those up into React's "maximum update depth" error.
  const [hovered, setHovered] = useState<ChosenCell | null>(null);
  const [pinnedCell, setPinnedCell] = useState<ChosenCell | null>(null);
  const current = (c: ChosenCell | null) => (c && c.stage === stage && c.trace === trace ? c.focus : null);
  const hover = current(hovered);
  const pinned = current(pinnedCell);
  const setHover = (focus: Focus | null) => setHovered(focus ? { focus, stage, trace } : null);
  const setPinned = (focus: Focus) => setPinnedCell({ focus, stage, trace });
  const [figRef, width] = useWidth<HTMLDivElement>(640);
  const sectionRef = useRef<HTMLElement>(null);

  const focus = useMemo(
    () => clampFocus(hover ?? pinned ?? defaultFocus(stage, trace, head, tok), stage, trace, head),
    [hover, pinned, stage, trace, head, tok],
  );
  const sub = useMemo(() => substitute(model, trace, stage, head, focus), [model, trace, stage, head, focus]);
  const ids = useMemo(() => Array.from(trace.ids), [trace]);
  const label = cellLabel(stage, focus, { ui, t, labels: props.labels, labelOf: props.labelOf, head });
  // The logit lens at this point of the pass: what the selected token's newest residual stream would
  // predict if the model stopped here. Before the embedding x0 exists there is nothing to read.
  const lensStream = useMemo(() => lensStreamForStage(stage, model.config.nLayer), [stage, model.config.nLayer]);
  const lens = useMemo(() => {
    const x = lensStreamVector(lensStream, trace, Math.min(tok, trace.ids.length - 1));
    return x ? lensTop(model, x, LENS_K) : null;
  }, [model, trace, tok, lensStream]);

  const pick = (f: Focus) => {
    setPinned(f);
    if (stage.kind !== 'logits' && stage.kind !== 'probs') actions.setTok(f.row);
  };

  // tabIndex -1: a click anywhere in the panel gives it focus, so the arrow keys step from then on.
  return (
    <section className="stepper" id="stepper" ref={sectionRef} tabIndex={-1} aria-labelledby="stepper-title" data-testid="stepper">
      <h2 id="stepper-title">{ui.stepThrough}</h2>
      {props.onBack && (
        <button type="button" className="stepper-back" onClick={props.onBack} data-testid="stepper-back">
          {ui.stepperBack}
        </button>
      )}
      <StepperControls region={sectionRef} stages={stages} step={selection.step} setStep={actions.setStep} />
      <div className="stepper-pickers">
        {stage.layer !== null && <LayerPicker nLayer={model.config.nLayer} layer={selection.layer} onChange={actions.setLayer} />}
        {stage.perHead && <HeadPicker nHead={model.config.nHead} head={head} onChange={actions.setHead} />}
        <label className="token-select">
          <span>{ui.selectedToken}</span>
          <select
            value={tok}
            onChange={(e) => actions.setTok(Number(e.target.value))}
            aria-label={ui.selectedToken}
            className="token-options"
            data-testid="token-select"
          >
            {props.labels.map((label, i) => (
              <option key={i} value={i}>
                {i18n.labelled(String(i), label)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="stage-formula">
        <div className="formula-general">
          <span className="formula-caption">{ui.formulaGeneral}</span>
          {/* A new stage's formula starts scrolled to its beginning. */}
          <SideScroll key={selection.step}>
            <Tex tex={stage.formula} display />
          </SideScroll>
        </div>
      </div>
      <div className="stage-figure" ref={figRef}>
        <StageFigure
          stage={stage}
          trace={trace}
          labels={props.labels}
          labelOf={props.labelOf}
          head={head}
          tok={tok}
          focus={focus}
          width={width}
          onHover={setHover}
          onPick={pick}
        />
      </div>
      <p className="hover-hint">
        {ui.hoverHint}
        {sentenceGap(lang)}
        {ui.countingNote}
      </p>
      <p className="cell-readout" role="status" data-testid="cell-readout">
        <span data-testid="cell-label">{label}</span> ={' '}
        <span className="num" data-testid="cell-value">
          {stage.kind === 'tokens' ? String(sub.value) : fmt(sub.value)}
        </span>
      </p>
      <div className="formula-numbers">
        <span className="formula-caption">{ui.formulaNumbers}</span>
        <SideScroll key={selection.step}>
          <Tex tex={sub.tex} display testId="formula-numbers" />
        </SideScroll>
        {stage.kind === 'probs' && <p className="figure-note">{ui.softmaxShift}</p>}
      </div>
      {/* Below the worked numbers, so that the readout and the numbers stay next to the matrix they describe. */}
      {stage.kind === 'tokEmb' && (
        <EmbeddingMatrix
          wte={props.model.params.wte}
          ids={ids}
          selectedId={ids[tok]}
          labelOf={props.labelOf}
          width={width}
          testId="stepper-we-matrix"
        />
      )}
      {lens && (
        <div className="stepper-lens" data-testid="stepper-lens">
          <span className="formula-caption">{ui.stepperLensTitle}</span>
          <p className="lens-intro" data-testid="stepper-lens-intro">
            {ui.stepperLensIntro}
          </p>
          <p>
            <span data-testid="stepper-lens-where">
              {t('stepperLens', { where: lensWhere(lensStream, model.config.nLayer, i18n), t: tok })}
            </span>{' '}
            {lens.map(({ id, prob }) => (
              <span key={id} className="lens-guess">
                <span className="token-chip" data-testid="lens-token">
                  {props.labelOf(id)}
                </span>{' '}
                {formatPercent(prob)}
              </span>
            ))}{' '}
            <a href="#logit-lens">{ui.stepperLensMore}</a>
          </p>
        </div>
      )}
      {/* At the logits and probabilities the fan's own note covers the text, the fan and the lens (its top tokens). */}
      {stage.kind !== 'logits' && stage.kind !== 'probs' && (
        <ByteNote labels={[...props.labels, ...(lens ?? []).map(({ id }) => props.labelOf(id))]} />
      )}
    </section>
  );
}

/** Which stream the stepper's lens reads, in words: the embedding, after a layer's attention, after a layer, or the real output. */
function lensWhere(stream: LensStream, nLayer: number, { ui, t }: I18n): string {
  if (stream.kind === 'embedding') return ui.stepperLensEmbedding;
  if (stream.kind === 'afterAttention') return t('stepperLensAfterAttention', { l: stream.layer + 1 });
  if (stream.kind === 'afterBlock') {
    return stream.layer === nLayer - 1 ? ui.stepperLensFinal : t('stepperLensAfterLayer', { l: stream.layer + 1 });
  }
  return '';
}
