import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import type { AppModel } from '../model/loadModel';
import type { ForwardResult } from '../model/runText';
import { useI18n } from '../i18n';
import { modelPlaceholders } from '../../content/fill';
import { chapterIds, chapters, getChapter } from '../../content/chapters';
import type { ChapterId } from '../../content/types';
import { buildStages, type StageKind } from '../../viz/stages';
import { prefersReducedMotion } from '../motion';
import { tokenLabel } from '../../viz/format';
import { chapterFigureWidth } from '../../viz/chapterFigureWidth';
import { useSelection } from './useSelection';
import { Stepper } from './Stepper';
import { Chapter } from './Chapter';
import { useWidth } from './useWidth';
import { chapterFigures, type ChapterFigureProps } from './chapterFigures';
import { AblationPanel, LogitLens, ParameterCounter } from '../lazyParts';
import { FigureBoundary } from '../FigureBoundary';
import { WhenNear } from './NearViewport';
import { jumpTo, useHoldJumps } from './holdJump';
import { useModelState } from '../model/ModelContext';
import { readParam } from '../state/url';

type Ok = Extract<ForwardResult, { kind: 'ok' }>;

/** The stepper follows the overview diagram, whose boxes are its stages. */
const STEPPER_AFTER: ChapterId = 'flow';

function scrollToStepper() {
  const stepper = document.getElementById('stepper');
  jumpTo('stepper', !prefersReducedMotion());
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

/**
 * A link that carries a stage of the stepper opens at the stepper: that stage is what the link shows that the top of
 * the page does not. A reload, or Back into the page, leaves the place to the browser, which keeps the reader's own.
 */
function stepperIfLinkHasStage(): string | null {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (navigation?.type === 'reload' || navigation?.type === 'back_forward') return null;
  return readParam('step') === null ? null : 'stepper';
}

/** Without text there is no stage to go to: the diagram's boxes lead to the text box instead. */
function focusTextBox() {
  document.getElementById('reader-text')?.focus();
}

/** The chapters' table of contents, and with another model open, what the chapters then describe. */
function Contents() {
  const { t } = useI18n();
  useHoldJumps(stepperIfLinkHasStage);
  const running = useModelState();
  const other = running.status === 'ready' && !running.model.isDefault ? t('quoted', { text: running.model.name }) : null;
  return (
    <>
      {other && (
        <p className="notice" data-testid="other-model-chapters">
          {t('otherModelChapters', { name: other })}
        </p>
      )}
      <ContentsList />
    </>
  );
}

function ContentsList() {
  const { lang, ui } = useI18n();
  return (
    <nav className="toc" aria-label={ui.chapters}>
      <ol>
        {chapterIds.map((id) => (
          <li key={id}>
            <a href={`#chapter-${id}`}>{getChapter(lang, id).title}</a>
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
export function ExplainerWithoutText(props: { loaded: AppModel }) {
  const { ui } = useI18n();
  const { config } = props.loaded.model;
  const values = useMemo(() => modelPlaceholders(config), [config]);
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const figureWidth = chapterFigureWidth(width);
  return (
    <div className="explainer" ref={ref}>
      <Contents />
      {chapters.map(({ id }, index) => {
        const { WithoutText, After } = chapterFigures[id];
        return (
          <Chapter key={id} id={id} index={index} values={values}>
            {WithoutText ? (
              <FigureBoundary id={id} resetKey="">
                <WithoutText config={config} width={figureWidth} onGo={focusTextBox} />
              </FigureBoundary>
            ) : (
              <p className="notice figure-waiting">{ui.figureNeedsText}</p>
            )}
            {After && <After />}
          </Chapter>
        );
      })}
    </div>
  );
}

/** The read-along view: the chapters of the table, each with its live figure, and the forward-pass stepper after chapter 2. */
export function Explainer(props: { loaded: AppModel; result: Ok; onOpenLab: () => void }) {
  const { loaded, result, onOpenLab } = props;
  const { ui } = useI18n();
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
  const figureWidth = chapterFigureWidth(width);
  const skipOffscreen = useSkipOffscreen();

  // Where a jump to the stepper came from (a chapter's button, a box of the data-flow picture), so that the
  // reader can go back there: the stepper sits after chapter 2, far from most of what jumps to it.
  const [cameFrom, setCameFrom] = useState<HTMLElement | SVGElement | null>(null);
  const goTo = (kind: StageKind, layer = selection.layer) => {
    const from = document.activeElement;
    const outside = (from instanceof HTMLElement || from instanceof SVGElement) && from !== document.body && !from.closest('#stepper');
    setCameFrom(outside ? from : null);
    const stage = stages.find((s) => s.kind === kind && (s.layer === null || s.layer === layer));
    if (stage) actions.setStep(stage.index);
    scrollToStepper();
  };
  const goBack =
    cameFrom === null
      ? undefined
      : () => {
          setCameFrom(null);
          if (!cameFrom.isConnected) return;
          cameFrom.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'instant' : 'smooth' });
          cameFrom.focus({ preventScroll: true });
        };
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
  };
  // Each figure fails on its own, and tries again when the text changes.
  const fence = (id: string) => ({ id, resetKey: result.text });

  return (
    <div className={skipOffscreen ? 'explainer skip-offscreen' : 'explainer'} ref={ref}>
      <Contents />
      {chapters.map(({ id, stage }, index) => {
        const { Figure, After } = chapterFigures[id];
        return (
          <Fragment key={id}>
            <Chapter id={id} index={index} values={values} onStepHere={stage === null ? undefined : () => goTo(stage)}>
              <FigureBoundary {...fence(id)}>
                <Figure {...figureProps} />
              </FigureBoundary>
              {After && <After />}
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
                    onBack={goBack}
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
            <LogitLens result={result} position={selection.tok} stage={selection.stage} onPickPosition={actions.setTok} />
          </FigureBoundary>
          <FigureBoundary {...fence('ablation')}>
            <AblationPanel result={result} />
          </FigureBoundary>
          <FigureBoundary {...fence('parameters')}>
            <ParameterCounter />
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
