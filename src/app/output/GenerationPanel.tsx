import { useEffect, useId, useMemo, useReducer, useRef, useState } from 'react';
import { sentenceGap, useI18n } from '../i18n';
import { prefersReducedMotion } from '../motion';
import { useModel } from '../model/ModelContext';
import { usePass } from '../model/usePass';
import { useText } from '../state/text';
import { tokenLabel } from '../../viz/format';
import type { OutputProps } from './common';
import { generationReducer, IDLE_RUN, livePending, nextMove, nextStep, type EndOfText, type GenerationContext } from './generation';
import { DEFAULT_SEED, problemText, useEndOfTextRule, useSeed } from './settings';
import { useSharedSampling } from './SamplingOwner';
import { TemperatureControl } from './SamplingControls';
import { ByteNote } from '../ByteNote';
import { END_OF_TEXT } from '../../core/tokenizer/index.ts';
import { parseWholeNumber } from '../../core/sampling';

const MAX_N = 64;
const STEP_DELAY_MS = 180;
const LAST_ROW = { logitRows: 'last' } as const;

/**
 * Chapter 10: append sampled tokens to the reader's text. Each step changes the text, so the
 * workspace reruns the whole forward pass; the next step samples from that new trace. The bytes of
 * a half-finished character are kept as ids, and this panel runs the model on them itself until the
 * character is whole. The run's transitions are `generationReducer`'s; this component draws the
 * tokens and renders the run.
 * Steps are spaced with setTimeout so the page stays responsive and Stop takes effect between tokens.
 */
export function GenerationPanel({ result }: OutputProps) {
  const { ui, lang, t } = useI18n();
  const { model, tokenizer } = useModel();
  const nPositions = model.config.nPositions;
  const [text, setText] = useText();
  const sampling = useSharedSampling();
  const { settings } = sampling;
  const seed = useSeed();
  const [stopAtEnd, setStopAtEnd] = useEndOfTextRule();
  const endOfTextId = useMemo(() => tokenizer.idOf(END_OF_TEXT) ?? null, [tokenizer]);
  const endOfText = useMemo<EndOfText | null>(
    () => (endOfTextId === null ? null : { id: endOfTextId, stop: stopAtEnd }),
    [endOfTextId, stopAtEnd],
  );
  const [howMany, setHowMany] = useState('10');
  const countProblemId = useId();
  const seedProblemId = useId();
  const [run, dispatch] = useReducer(generationReducer, IDLE_RUN);

  const typedCount = parseWholeNumber(howMany);
  const n = typedCount !== null && typedCount >= 1 && typedCount <= MAX_N ? typedCount : null;
  // An emptied box is being retyped: Generate waits for a number, and no message scolds the reader meanwhile.
  const countProblem = n === null && howMany.trim() !== '';

  const live = livePending(run, result.kind === 'ok' ? result.text : null);
  const pendingIds = useMemo(() => (result.kind === 'ok' && live.length > 0 ? [...result.ids, ...live] : null), [result, live]);
  const pendingTrace = usePass(model, pendingIds, LAST_ROW);
  const context = useMemo<GenerationContext | null>(() => {
    if (result.kind !== 'ok') return null;
    if (pendingIds === null || pendingTrace === null) return result;
    return { ids: pendingIds, trace: pendingTrace, droppedTokens: result.droppedTokens };
  }, [result, pendingIds, pendingTrace]);

  // One token per new trace: the context changes after each token, which schedules the next.
  const seedValue = seed.seed;
  useEffect(() => {
    const move = nextMove(run, { text, resultText: result.kind === 'ok' ? result.text : null, contextIds: context?.ids ?? null });
    if (move === 'edited') dispatch({ type: 'stop' });
    if (move !== 'step') return;
    const timer = setTimeout(
      () => {
        if (result.kind !== 'ok' || context === null) {
          dispatch({ type: 'stop' });
          return;
        }
        const next = nextStep(context, tokenizer, settings, seedValue, nPositions, live.length, endOfText);
        dispatch({ type: 'stepped', next, contextIds: context.ids, base: { text: result.text, length: result.ids.length }, text });
        // A run is one history entry: its first token pushes one, the rest replace it, and Back brings the text before it back.
        if (next.kind === 'text') setText(next.text, run.textWritten ? 'replace' : 'push');
      },
      prefersReducedMotion() ? 0 : STEP_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [run, text, result, context, tokenizer, settings, seedValue, nPositions, live.length, endOfText, setText]);

  const atContext = context !== null && (context.droppedTokens > 0 || context.ids.length >= nPositions);
  const startedFrom = useRef<HTMLButtonElement | null>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  const start = (count: number, from: HTMLButtonElement) => {
    startedFrom.current = from;
    dispatch({ type: 'start', count, sequenceLength: context?.ids.length ?? null });
  };
  const { added, respelled, runStart, total, remaining } = run;
  const running = remaining > 0;
  // A button disabled while it has focus drops focus to the page, and a reader on the keyboard loses their place:
  // a run hands focus from the button that started it to Stop, and back when it ends (to the panel, if that button
  // cannot be pressed again, as at a full context).
  useEffect(() => {
    const from = startedFrom.current;
    if (from === null) return;
    const active = document.activeElement;
    const lost = active === null || active === document.body || (active instanceof HTMLButtonElement && active.disabled);
    if (running) {
      if (lost || active === from) stopButton.current?.focus();
      return;
    }
    startedFrom.current = null;
    if (lost || active === stopButton.current) (from.disabled ? panel.current : from)?.focus();
  }, [running]);
  const temperatureProblems = sampling.problems.filter((p) => p.code.startsWith('temperature'));
  // Every token this panel shows, for the note on ⟨XX⟩ bytes.
  const tail = runStart !== null && context !== null ? context.ids.slice(-TAIL) : [];
  const shownIds = [...added, ...tail, ...live, ...(respelled ? [...respelled.chosen, ...respelled.read] : [])];
  return (
    <section className="output-figure generation-panel" aria-label={ui.outGenerationTitle} ref={panel} tabIndex={-1}>
      <h3>{ui.outGenerationTitle}</h3>
      <p className="caption">{ui.outGenerationCaption}</p>
      <div className="generation-controls">
        <div className="generation-buttons">
          <button
            type="button"
            onClick={(e) => start(1, e.currentTarget)}
            disabled={running || result.kind !== 'ok' || atContext}
            data-testid="generate-one"
          >
            {ui.generateOne}
          </button>
          <button
            type="button"
            onClick={(e) => n !== null && start(n, e.currentTarget)}
            disabled={running || n === null || result.kind !== 'ok' || atContext}
            data-testid="generate-n"
          >
            {t('generateN', { n: n ?? '…' })}
          </button>
          <button type="button" ref={stopButton} onClick={() => dispatch({ type: 'stop' })} disabled={!running} data-testid="generate-stop">
            {ui.stop}
          </button>
        </div>
        <div className="generation-fields">
          <label className="inline-field">
            <span>{ui.outHowMany}</span>
            <input
              type="text"
              inputMode="numeric"
              value={howMany}
              aria-invalid={countProblem}
              aria-describedby={countProblem ? countProblemId : undefined}
              onChange={(e) => setHowMany(e.target.value)}
              data-testid="generate-count"
            />
          </label>
          <label className="inline-field">
            <span>{ui.seed}</span>
            <input
              type="text"
              inputMode="numeric"
              value={seed.typed}
              placeholder={String(DEFAULT_SEED)}
              aria-invalid={seed.bad !== null}
              aria-describedby={seed.bad !== null ? seedProblemId : undefined}
              onChange={(e) => seed.setSeed(e.target.value.trim())}
              data-testid="generation-seed"
            />
          </label>
          {endOfText !== null && (
            <label className="toggle-field">
              <input
                type="checkbox"
                checked={stopAtEnd}
                onChange={(e) => setStopAtEnd(e.target.checked)}
                disabled={running}
                data-testid="generation-stop-at-end"
              />
              <span>{ui.outGenStopAtEnd}</span>
            </label>
          )}
        </div>
      </div>
      <div className="generation-temperature" data-testid="generation-temperature">
        <TemperatureControl
          id="gen-temperature"
          help={t('outGenTemperatureHelp', {
            k: settings.topK === null ? ui.outOff : settings.topK,
            p: settings.topP === null ? ui.outOff : settings.topP,
          })}
          sampling={sampling}
        />
        {temperatureProblems.length > 0 && (
          <ul className="notice warn sampling-problems" role="status">
            {temperatureProblems.map((p) => (
              <li key={p.code}>{problemText(p, ui, lang)}</li>
            ))}
          </ul>
        )}
      </div>
      {countProblem && (
        <p className="notice warn" id={countProblemId}>
          {t('outGenerateNInvalid', { max: MAX_N })}
        </p>
      )}
      {seed.bad !== null && (
        <p className="notice warn" id={seedProblemId}>
          {t('outSeedInvalid', { value: seed.bad, to: DEFAULT_SEED })}
        </p>
      )}
      {running && (
        <p className="notice" role="status">
          {t('outGenerating', { i: total - remaining + 1, n: total })}
        </p>
      )}
      {(run.contextFull || atContext) && (
        <p className="notice warn" role="status" data-testid="context-full">
          {t('contextFull', { T: nPositions })}
        </p>
      )}
      {added.length > 0 && (
        // Read out once the run is over, not token by token.
        <div className="generated-run" data-testid="generated-run" role="status" aria-busy={running}>
          <span className="muted">{ui.outGeneratedRun}</span>{' '}
          {added.map((id, i) =>
            id === endOfTextId ? (
              <EndOfTextMarker key={i} label={tokenLabel(tokenizer, id)} title={ui.outGenEndMarker} />
            ) : (
              <span key={i} className={`token-chip generated${i === added.length - 1 ? ' newest' : ''}`} data-testid="generated-chip">
                {tokenLabel(tokenizer, id)}
              </span>
            ),
          )}
        </div>
      )}
      {run.ended && endOfTextId !== null && (
        <p className="notice" role="status" data-testid="generation-ended">
          {t('outGenEnded', { token: tokenLabel(tokenizer, endOfTextId) })}
        </p>
      )}
      {run.endOfTextLeftOut > 0 && endOfTextId !== null && (
        <p className="notice" role="status" data-testid="generation-end-left-out">
          {t('outGenEndLeftOut', { token: tokenLabel(tokenizer, endOfTextId), n: run.endOfTextLeftOut })}
        </p>
      )}
      {runStart !== null && context !== null && (
        <SequenceTail
          ids={context.ids}
          runStart={runStart}
          label={(id) => tokenLabel(tokenizer, id)}
          title={t('outSequenceNow', { n: context.ids.length })}
        />
      )}
      {respelled && (
        <p className="notice" role="status" data-testid="generation-respelled">
          {ui.outGenRespelledChosen}{' '}
          {respelled.chosen.map((id, i) => (
            <span key={i} className="token-chip generated">
              {tokenLabel(tokenizer, id)}
            </span>
          ))}
          {sentenceGap(lang)}
          {ui.outGenRespelledRead}{' '}
          {respelled.read.map((id, i) => (
            <span key={i} className="token-chip">
              {tokenLabel(tokenizer, id)}
            </span>
          ))}
          {ui.outGenRespelledWhy}
        </p>
      )}
      {live.length > 0 && (
        <div className="notice generation-pending" role="status" data-testid="generation-pending">
          <p>
            {t('outGenPendingNote', { n: live.length })}{' '}
            {live.map((id, i) => (
              <span key={i} className="token-chip generated" data-testid="generated-chip">
                {tokenLabel(tokenizer, id)}
              </span>
            ))}
          </p>
          <button type="button" onClick={() => dispatch({ type: 'dropPending' })} disabled={running}>
            {ui.outGenPendingDrop}
          </button>
        </div>
      )}
      <ByteNote labels={shownIds.map((id) => tokenLabel(tokenizer, id))} />
    </section>
  );
}

/** The model's "<|endoftext|>" where a run stopped on it: a token chip marked as the end, never text. */
function EndOfTextMarker(props: { label: string; title: string }) {
  return (
    <span className="token-chip generated end-of-text" title={props.title} data-testid="end-of-text-marker">
      <span aria-hidden="true">■ </span>
      {props.label}
    </span>
  );
}

const TAIL = 24;

/** The end of the sequence the model reads next, the run's tokens marked and the newest sliding in. */
function SequenceTail(props: { ids: readonly number[]; runStart: number; label: (id: number) => string; title: string }) {
  const first = Math.max(0, props.ids.length - TAIL);
  return (
    <div className="sequence-tail" data-testid="sequence-tail">
      <span className="muted">{props.title}</span> {first > 0 && <span className="muted">…</span>}
      {props.ids.slice(first).map((id, i) => {
        const at = first + i;
        const ours = at >= props.runStart;
        const newest = ours && at === props.ids.length - 1;
        return (
          <span
            key={`${at}:${id}`}
            className={`token-chip${ours ? ' generated' : ''}${newest ? ' newest' : ''}`}
            data-testid={ours ? 'generated-chip' : undefined}
          >
            {props.label(id)}
          </span>
        );
      })}
    </div>
  );
}
