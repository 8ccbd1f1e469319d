import { useEffect, useMemo, useState } from 'react';
import { t } from '../i18n';
import { prefersReducedMotion } from '../motion';
import { useModel } from '../model/ModelContext';
import { usePass } from '../model/usePass';
import { useText } from '../state/text';
import { tokenLabel } from '../../viz/format';
import type { OutputProps } from './common';
import { nextStep, respelling, type EndOfText, type GenerationContext, type Respelling } from './generation';
import { DEFAULT_SEED, useEndOfTextRule, useSampling, useSeed } from './settings';
import { END_OF_TEXT } from '../../core/tokenizer/index.ts';

const MAX_N = 64;
const STEP_DELAY_MS = 180;
const NONE: readonly number[] = [];
const LAST_ROW = { logitRows: 'last' } as const;

/** Sampled ids that no text spells exactly, tied to the text they follow. */
interface Pending {
  base: string;
  ids: number[];
}

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Chapter 10: append sampled tokens to the reader's text. Each step changes the text, so the
 * workspace reruns the whole forward pass; the next step samples from that new trace. The bytes of
 * a half-finished character are kept as ids, and this panel runs the model on them itself until the
 * character is whole.
 * Steps are spaced with setTimeout so the page stays responsive and Stop takes effect between tokens.
 */
export function GenerationPanel({ lang, ui, result }: OutputProps) {
  const { model, tokenizer } = useModel();
  const nPositions = model.config.nPositions;
  const [text, setText] = useText();
  const { settings } = useSampling(model.config.vocabSize);
  const seed = useSeed();
  const [stopAtEnd, setStopAtEnd] = useEndOfTextRule();
  const endOfTextId = useMemo(() => tokenizer.idOf(END_OF_TEXT) ?? null, [tokenizer]);
  const endOfText: EndOfText | null = endOfTextId === null ? null : { id: endOfTextId, stop: stopAtEnd };
  // What the run did with "<|endoftext|>": stopped on it, or how often it left it out.
  const [ended, setEnded] = useState(false);
  const [leftOut, setLeftOut] = useState(0);
  const [howMany, setHowMany] = useState('10');
  const [remaining, setRemaining] = useState(0);
  const [total, setTotal] = useState(0);
  const [added, setAdded] = useState<number[]>([]);
  const [contextFull, setContextFull] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [respelled, setRespelled] = useState<Respelling | null>(null);
  // How long the sequence was when the run started: what comes after it is the run's own.
  const [runStart, setRunStart] = useState<number | null>(null);
  // The ids and text the last step produced; the next step waits until the trace for them arrives.
  const [expected, setExpected] = useState<{ ids: number[]; text: string } | null>(null);

  const n = Number(howMany);
  const nValid = Number.isInteger(n) && n >= 1 && n <= MAX_N;

  // Pending ids belong to the text they were sampled after; once the reader changes it they no longer apply.
  const live = result.kind === 'ok' && pending !== null && pending.base === result.text ? pending.ids : NONE;
  const pendingIds = useMemo(() => (result.kind === 'ok' && live.length > 0 ? [...result.ids, ...live] : null), [result, live]);
  const pendingTrace = usePass(model, pendingIds, LAST_ROW);
  const context = useMemo<GenerationContext | null>(() => {
    if (result.kind !== 'ok') return null;
    if (pendingIds === null || pendingTrace === null) return result;
    return { ids: pendingIds, trace: pendingTrace, droppedTokens: result.droppedTokens };
  }, [result, pendingIds, pendingTrace]);

  const step = (): boolean => {
    if (result.kind !== 'ok') return false;
    const next = nextStep(context, tokenizer, settings, seed.seed, nPositions, live.length, endOfText);
    if (next.kind === 'contextFull') setContextFull(true);
    if (next.kind === 'endOfText') {
      setAdded((a) => [...a, next.id]);
      setEnded(true);
      return false;
    }
    if (next.kind !== 'text' && next.kind !== 'pending') return false;
    setAdded((a) => [...a, next.id]);
    if (next.endOfTextLeftOut) setLeftOut((n) => n + 1);
    if (next.kind === 'text') {
      if (next.respelled && context) setRespelled(respelling([...context.ids, next.id], next.ids));
      setPending(null);
      setExpected({ ids: next.ids, text: next.text });
      setText(next.text);
    } else {
      setPending({ base: result.text, ids: next.ids.slice(result.ids.length) });
      setExpected({ ids: next.ids, text });
    }
    return true;
  };

  // One token per new trace: the context changes after each token, which schedules the next.
  useEffect(() => {
    if (remaining <= 0) return;
    if (expected !== null && text !== expected.text) {
      setRemaining(0); // the reader edited the text during the run
      return;
    }
    if (expected === null && result.kind === 'ok' && result.text !== text) return; // the trace of what was just typed is on its way
    if (expected !== null && (context === null || !sameIds(context.ids, expected.ids))) return;
    const timer = setTimeout(() => {
      if (step()) setRemaining((r) => r - 1);
      else setRemaining(0);
    }, prefersReducedMotion() ? 0 : STEP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [remaining, context, expected, text, result]);

  const atContext = context !== null && (context.droppedTokens > 0 || context.ids.length >= nPositions);
  const start = (count: number) => {
    setAdded([]);
    setRespelled(null);
    setRunStart(context?.ids.length ?? null);
    setContextFull(false);
    setEnded(false);
    setLeftOut(0);
    setExpected(null);
    setTotal(count);
    setRemaining(count);
  };
  const running = remaining > 0;
  return (
    <section className="output-figure generation-panel" aria-label={ui.outGenerationTitle}>
      <h3>{ui.outGenerationTitle}</h3>
      <p className="caption">{ui.outGenerationCaption}</p>
      <div className="generation-controls">
        <div className="generation-buttons">
          <button type="button" onClick={() => start(1)} disabled={running || result.kind !== 'ok' || atContext} data-testid="generate-one">
            {ui.generateOne}
          </button>
          <button type="button" onClick={() => start(n)} disabled={running || !nValid || result.kind !== 'ok' || atContext} data-testid="generate-n">
            {t(ui, 'generateN', lang, { n: nValid ? n : '…' })}
          </button>
          <button type="button" onClick={() => setRemaining(0)} disabled={!running} data-testid="generate-stop">
            {ui.stop}
          </button>
        </div>
        <div className="generation-fields">
          <label className="inline-field">
            <span>{ui.outHowMany}</span>
            <input type="number" min={1} max={MAX_N} value={howMany} onChange={(e) => setHowMany(e.target.value)} data-testid="generate-count" />
          </label>
          <label className="inline-field">
            <span>{ui.seed}</span>
            <input type="text" inputMode="numeric" value={seed.typed} onChange={(e) => seed.setSeed(e.target.value.trim())} data-testid="generation-seed" />
          </label>
          {endOfText !== null && (
            <label className="toggle-field">
              <input type="checkbox" checked={stopAtEnd} onChange={(e) => setStopAtEnd(e.target.checked)} disabled={running} data-testid="generation-stop-at-end" />
              <span>{ui.outGenStopAtEnd}</span>
            </label>
          )}
        </div>
      </div>
      {!nValid && <p className="notice warn">{t(ui, 'outGenerateNInvalid', lang, { max: MAX_N })}</p>}
      {seed.bad !== null && <p className="notice warn">{t(ui, 'outSeedInvalid', lang, { value: seed.bad, to: DEFAULT_SEED })}</p>}
      {running && (
        <p className="notice" role="status">
          {t(ui, 'outGenerating', lang, { i: total - remaining + 1, n: total })}
        </p>
      )}
      {(contextFull || atContext) && (
        <p className="notice warn" role="status" data-testid="context-full">
          {t(ui, 'contextFull', lang, { T: nPositions })}
        </p>
      )}
      {added.length > 0 && (
        <div className="generated-run">
          <span className="muted">{ui.outGeneratedRun}</span>{' '}
          {added.map((id, i) =>
            id === endOfTextId ? (
              <EndOfTextMarker key={i} label={tokenLabel(tokenizer, id)} title={ui.outGenEndMarker} />
            ) : (
              <span key={i} className={`token-chip generated${i === added.length - 1 ? ' newest' : ''}`}>
                {tokenLabel(tokenizer, id)}
              </span>
            ),
          )}
        </div>
      )}
      {ended && endOfTextId !== null && (
        <p className="notice" role="status" data-testid="generation-ended">
          {t(ui, 'outGenEnded', lang, { token: tokenLabel(tokenizer, endOfTextId) })}
        </p>
      )}
      {leftOut > 0 && endOfTextId !== null && (
        <p className="notice" role="status" data-testid="generation-end-left-out">
          {t(ui, 'outGenEndLeftOut', lang, { token: tokenLabel(tokenizer, endOfTextId), n: leftOut })}
        </p>
      )}
      {runStart !== null && context !== null && (
        <SequenceTail ids={context.ids} runStart={runStart} label={(id) => tokenLabel(tokenizer, id)} title={t(ui, 'outSequenceNow', lang, { n: context.ids.length })} />
      )}
      {respelled && (
        <p className="notice" role="status" data-testid="generation-respelled">
          {ui.outGenRespelledChosen}{' '}
          {respelled.chosen.map((id, i) => (
            <span key={i} className="token-chip generated">
              {tokenLabel(tokenizer, id)}
            </span>
          ))}{' '}
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
            {t(ui, 'outGenPendingNote', lang, { n: live.length })}{' '}
            {live.map((id, i) => (
              <span key={i} className="token-chip generated">
                {tokenLabel(tokenizer, id)}
              </span>
            ))}
          </p>
          <button type="button" onClick={() => setPending(null)} disabled={running}>
            {ui.outGenPendingDrop}
          </button>
        </div>
      )}
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
          <span key={`${at}:${id}`} className={`token-chip${ours ? ' generated' : ''}${newest ? ' newest' : ''}`}>
            {props.label(id)}
          </span>
        );
      })}
    </div>
  );
}
