import { useEffect, useRef, useState, type RefObject } from 'react';
import { useI18n } from '../i18n';
import type { Stage } from '../../viz/stages';
import { StageMapBar } from './StageMapBar';
import { useTouchOrNarrow } from '../touch';

const SPEEDS = [0.5, 1, 2, 4];
const BASE_MS = 1600;

function typingInto(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Previous / play / next, speed and the stage scrubber; ←, →, Home, End and space work while focus is inside `region`. */
export function StepperControls(props: {
  region: RefObject<HTMLElement | null>;
  stages: readonly Stage[];
  step: number;
  setStep: (step: number, mode?: 'push' | 'replace') => void;
}) {
  const { stages, step, setStep } = props;
  const { ui, t, labelled } = useI18n();
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const stepRef = useRef(step);
  stepRef.current = step;
  const last = stages.length - 1;
  const touch = useTouchOrNarrow();
  // A drag along the scrubber is one history entry, however many stages it passes: its first move pushes, the rest
  // replace. Null when no pointer is down on it; a window that loses focus mid-drag may never see the pointer go up.
  const drag = useRef<{ pushed: boolean } | null>(null);
  useEffect(() => {
    const release = () => (drag.current = null);
    const ends = ['pointerup', 'pointercancel', 'blur'] as const;
    for (const end of ends) window.addEventListener(end, release);
    return () => {
      for (const end of ends) window.removeEventListener(end, release);
    };
  }, []);

  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => {
      if (stepRef.current >= last) {
        setPlaying(false);
        return;
      }
      // Playing replaces the history entry: one Back undoes the whole run, not each frame.
      setStep(stepRef.current + 1, 'replace');
    }, BASE_MS / speed);
    return () => window.clearInterval(id);
  }, [playing, speed, last, setStep]);

  // Keys act only while focus is inside the stepper: elsewhere on this long page space must scroll.
  // The listener sits on window, after React's, so a figure that keeps its arrow keys (stopPropagation) keeps them.
  const { region } = props;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const inside = region.current !== null && e.target instanceof Node && region.current.contains(e.target);
      if (!inside || typingInto(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight') {
        e.preventDefault();
        setStep(stepRef.current + 1);
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        setStep(stepRef.current - 1);
      } else if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        setStep(e.key === 'Home' ? 0 : last);
      } else if (e.key === ' ' && (e.target as HTMLElement | null)?.tagName !== 'BUTTON') {
        e.preventDefault();
        setPlaying((p) => !p);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setStep, region, last]);

  const stage = stages[step];
  const where = stage.layer === null ? ui[stage.label] : `${t('layerN', { l: stage.layer + 1 })} · ${ui[stage.label]}`;
  return (
    <div className="stepper-controls">
      <div className="stepper-buttons">
        <button type="button" onClick={() => setStep(step - 1)} disabled={step === 0} aria-label={ui.previous}>
          ← <span className="btn-text">{ui.previous}</span>
        </button>
        <button
          type="button"
          onClick={() => {
            if (!playing && step === last) setStep(0);
            setPlaying(!playing);
          }}
          aria-label={playing ? ui.pause : ui.play}
          aria-pressed={playing}
          data-testid="play"
        >
          {playing ? '❚❚' : '▶'} <span className="btn-text">{playing ? ui.pause : ui.play}</span>
        </button>
        <button type="button" onClick={() => setStep(step + 1)} disabled={step === last} aria-label={ui.next}>
          <span className="btn-text">{ui.next}</span> →
        </button>
        <label className="speed">
          <span>{ui.speed}</span>
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label={ui.speed}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="scrubber">
        <StageMapBar stages={stages} step={step} onStep={(i) => setStep(i)} />
        <input
          type="range"
          min={1}
          max={stages.length}
          value={step + 1}
          onPointerDown={() => (drag.current = { pushed: false })}
          onKeyDown={() => (drag.current = null)}
          onChange={(e) => {
            setStep(Number(e.target.value) - 1, drag.current?.pushed ? 'replace' : 'push');
            if (drag.current) drag.current.pushed = true;
          }}
          aria-label={ui.stage}
          aria-valuetext={labelled(t('stageOf', { i: step + 1, n: stages.length }), where)}
        />
        <p className="stage-label" aria-live="polite">
          <span data-testid="stage-of">{t('stageOf', { i: step + 1, n: stages.length })}</span> ·{' '}
          <strong data-testid="stage-name">{where}</strong>
        </p>
      </div>
      <p className="hint" data-testid="stepper-hint">
        {touch ? ui.stepperHintTouch : ui.stepperHint}
      </p>
    </div>
  );
}
