import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { useModel } from '../model/ModelContext';
import { useText } from '../state/text';
import { prefersReducedMotion, tokenLabel, type OutputProps } from './common';
import { nextStep } from './generation';
import { DEFAULT_SEED, useSampling, useSeed } from './settings';

const MAX_N = 64;
const STEP_DELAY_MS = 180;

/**
 * Chapter 10: append sampled tokens to the reader's text. Each step changes the text, so the
 * workspace reruns the whole forward pass; the next step samples from that new trace. Steps are
 * spaced with setTimeout so the page stays responsive and Stop takes effect between tokens.
 */
export function GenerationPanel({ lang, ui, result }: OutputProps) {
  const { model, tokenizer } = useModel();
  const nPositions = model.config.nPositions;
  const [, setText] = useText();
  const { settings } = useSampling(model.config.vocabSize);
  const seed = useSeed();
  const [howMany, setHowMany] = useState('10');
  const [remaining, setRemaining] = useState(0);
  const [total, setTotal] = useState(0);
  const [added, setAdded] = useState<number[]>([]);
  const [contextFull, setContextFull] = useState(false);

  const n = Number(howMany);
  const nValid = Number.isInteger(n) && n >= 1 && n <= MAX_N;

  const step = (): boolean => {
    const next = nextStep(result, tokenizer, settings, seed.seed, nPositions);
    if (next.kind === 'contextFull') setContextFull(true);
    if (next.kind !== 'token') return false;
    setAdded((a) => [...a, next.id]);
    setText(next.text);
    return true;
  };

  // One token per new trace: `result` changes after each appended token, which schedules the next.
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = setTimeout(() => {
      if (step()) setRemaining((r) => r - 1);
      else setRemaining(0);
    }, prefersReducedMotion() ? 0 : STEP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [remaining, result]); // eslint-disable-line react-hooks/exhaustive-deps

  const atContext = result.kind === 'ok' && (result.droppedTokens > 0 || result.ids.length >= nPositions);
  const start = (count: number) => {
    setAdded([]);
    setContextFull(false);
    setTotal(count);
    setRemaining(count);
  };
  const running = remaining > 0;
  return (
    <section className="output-figure generation-panel" aria-label={ui.outGenerationTitle}>
      <h3>{ui.outGenerationTitle}</h3>
      <p className="caption">{ui.outGenerationCaption}</p>
      <div className="generation-controls">
        <button type="button" onClick={() => start(1)} disabled={running || result.kind !== 'ok'} data-testid="generate-one">
          {ui.generateOne}
        </button>
        <label className="inline-field">
          <span>{ui.outHowMany}</span>
          <input type="number" min={1} max={MAX_N} value={howMany} onChange={(e) => setHowMany(e.target.value)} data-testid="generate-count" />
        </label>
        <button type="button" onClick={() => start(n)} disabled={running || !nValid || result.kind !== 'ok'} data-testid="generate-n">
          {t(ui, 'generateN', lang, { n: nValid ? n : '…' })}
        </button>
        <button type="button" onClick={() => setRemaining(0)} disabled={!running} data-testid="generate-stop">
          {ui.stop}
        </button>
        <label className="inline-field">
          <span>{ui.seed}</span>
          <input type="text" inputMode="numeric" value={seed.typed} onChange={(e) => seed.setSeed(e.target.value.trim())} data-testid="generation-seed" />
        </label>
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
          {added.map((id, i) => (
            <span key={i} className={`token-chip generated${i === added.length - 1 ? ' newest' : ''}`}>
              {tokenLabel(tokenizer, id)}
            </span>
          ))}
        </div>
      )}
    </section>
  );
}
