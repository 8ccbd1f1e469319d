import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import type { AppModel } from '../model/loadModel';
import type { ForwardResult } from '../model/runText';
import type { Lang, UiStrings } from '../i18n';
import { modelPlaceholders } from '../../content/fill';
import { chapterIds, chapters, getChapter } from '../../content/chapters';
import type { ChapterId } from '../../content/types';
import { buildStages, type StageKind } from '../../viz/stages';
import { prefersReducedMotion } from '../motion';
import { tokenLabel } from '../../viz/format';
import { useSelection } from './useSelection';
import { Stepper } from './Stepper';
import { Chapter } from './Chapter';
import { useWidth } from './useWidth';
import { chapterFigures, type ChapterFigureProps } from './chapterFigures';
import { AblationPanel, LogitLens, ParameterCounter } from '../output';
import { FigureBoundary } from '../FigureBoundary';
import { WhenNear } from './NearViewport';

type Ok = Extract<ForwardResult, { kind: 'ok' }>;

/** The stepper follows the overview diagram, whose boxes are its stages. */
const STEPPER_AFTER: ChapterId = 'flow';

function scrollToStepper() {
  const stepper = document.getElementById('stepper');
  stepper?.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'start' });
  // Focus moves with the reader, so ← → and space step at once instead of after a click.
  if (!stepper?.hasAttribute('data-pending')) return stepper?.focus({ preventScroll: true });
  // Not drawn yet (NearViewport.tsx): it is as the scroll brings it near, and takes the focus then.
  const parent = stepper.parentElement!;
  const drawn = new MutationObserver(() => {
    const now = document.getElementById('stepper');
    if (!now || now.hasAttribute('data-pending')) return;
    drawn.disconnect();
    now.focus({ preventScroll: true });
  });
  drawn.observe(parent, { childList: true });
}

/** A chapter figure's width: beside the prose from 1000px up (grid columns 0.82fr : 1fr with a 32px gap), below it otherwise. */
function figureWidthIn(explainerWidth: number): number {
  return explainerWidth >= 1000 ? Math.floor((explainerWidth - 32) / 1.82) - 4 : explainerWidth;
}

/** Without text there is no stage to go to: the diagram's boxes lead to the text box instead. */
function focusTextBox() {
  document.getElementById('reader-text')?.focus();
}

/** The chapters' table of contents. */
function Contents(props: { lang: Lang; ui: UiStrings }) {
  return (
    <nav className="toc" aria-label={props.ui.chapters}>
      <ol>
        {chapterIds.map((id) => (
          <li key={id}>
            <a href={`#chapter-${id}`}>{getChapter(props.lang, id).title}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The chapters while the text box is empty: all the prose stays readable, and each live figure says
 * what it is waiting for, unless it has something to show without text.
 */
export function ExplainerWithoutText(props: { loaded: AppModel; lang: Lang; ui: UiStrings }) {
  const { lang, ui } = props;
  const { config } = props.loaded.model;
  const values = useMemo(() => modelPlaceholders(config), [config]);
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const figureWidth = figureWidthIn(width);
  return (
    <div className="explainer" ref={ref}>
      <Contents lang={lang} ui={ui} />
      {chapters.map(({ id }, index) => {
        const { WithoutText, After } = chapterFigures[id];
        return (
          <Chapter key={id} id={id} index={index} lang={lang} ui={ui} values={values}>
            {WithoutText ? (
              <FigureBoundary id={id} ui={ui} resetKey="">
                <WithoutText config={config} width={figureWidth} onGo={focusTextBox} ui={ui} lang={lang} />
              </FigureBoundary>
            ) : (
              <p className="notice figure-waiting">{ui.figureNeedsText}</p>
            )}
            {After && <After ui={ui} lang={lang} />}
          </Chapter>
        );
      })}
    </div>
  );
}

/** The read-along view: the chapters of the table, each with its live figure, and the forward-pass stepper after chapter 2. */
export function Explainer(props: { loaded: AppModel; result: Ok; onOpenLab: () => void; lang: Lang; ui: UiStrings }) {
  const { loaded, result, onOpenLab, lang, ui } = props;
  const { model, tokenizer } = loaded;
  const { config } = model;
  const stages = useMemo(() => buildStages(config.nLayer), [config.nLayer]);
  const T = result.ids.length;
  const [selection, actions] = useSelection(stages, T, config.nLayer, config.nHead);
  const values = useMemo(() => modelPlaceholders(config), [config]);
  const labelOf = useCallback((id: number) => tokenLabel(tokenizer, id), [tokenizer]);
  const labels = useMemo(() => Array.from(result.ids, labelOf), [result.ids, labelOf]);
  // What the model reads: the reader's text less any tokens cut from the start to fit the context.
  const seenText = useMemo(() => (result.droppedTokens === 0 ? result.text : tokenizer.decode(result.ids)), [result, tokenizer]);
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const figureWidth = figureWidthIn(width);
  const skipOffscreen = useSkipOffscreen();

  const goTo = (kind: StageKind, layer = selection.layer) => {
    const stage = stages.find((s) => s.kind === kind && (s.layer === null || s.layer === layer));
    if (stage) actions.setStep(stage.index);
    scrollToStepper();
  };
  const common = { lang, ui, values };
  const figureProps: ChapterFigureProps = {
    loaded,
    result,
    selection,
    actions,
    labels,
    labelOf,
    seenText,
    width: figureWidth,
    onOpenLab,
    goTo,
    lang,
    ui,
  };
  const output = { lang, ui, result };
  // Each figure fails on its own, and tries again when the text changes.
  const fence = (id: string) => ({ id, ui, resetKey: result.text });

  return (
    <div className={skipOffscreen ? 'explainer skip-offscreen' : 'explainer'} ref={ref}>
      <Contents lang={lang} ui={ui} />
      {chapters.map(({ id, stage }, index) => {
        const { Figure, After } = chapterFigures[id];
        return (
          <Fragment key={id}>
            <Chapter id={id} index={index} {...common} onStepHere={stage === null ? undefined : () => goTo(stage)}>
              <FigureBoundary {...fence(id)}>
                <Figure {...figureProps} />
              </FigureBoundary>
              {After && <After ui={ui} lang={lang} />}
            </Chapter>
            {id === STEPPER_AFTER && (
              <WhenNear name="stepper" id="stepper" className="stepper">
                <FigureBoundary {...fence('stepper')}>
                  <Stepper
                    model={model}
                    trace={result.trace}
                    labels={labels}
                    labelOf={labelOf}
                    stages={stages}
                    selection={selection}
                    actions={actions}
                    ui={ui}
                    lang={lang}
                  />
                </FigureBoundary>
              </WhenNear>
            )}
          </Fragment>
        );
      })}
      <WhenNear name="deeper" className="deeper">
        <section className="deeper" aria-labelledby="deeper-title" data-testid="deeper">
          <h2 id="deeper-title">{ui.deeperLook}</h2>
          <FigureBoundary {...fence('lens')}>
            <LogitLens {...output} position={selection.tok} stage={selection.stage} onPickPosition={actions.setTok} />
          </FigureBoundary>
          <FigureBoundary {...fence('ablation')}>
            <AblationPanel {...output} />
          </FigureBoundary>
          <FigureBoundary {...fence('parameters')}>
            <ParameterCounter {...output} />
          </FigureBoundary>
        </section>
      </WhenNear>
    </div>
  );
}

/** True from the second frame after mounting: by then every chapter has been drawn once and remembers its height. */
function useSkipOffscreen(): boolean {
  const [skip, setSkip] = useState(false);
  useEffect(() => {
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setSkip(true));
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return skip;
}
