import { useCallback, useMemo } from 'react';
import { asInt, serializeInt, useUrlParam, writeParams } from '../state/url';
import type { Stage } from '../../viz/stages';

// The stepper's state lives in the URL (step, tok, layer, head), so a shared link reopens the same view.

const parseStep = asInt(0, 0, 10_000);
const parseTok = asInt(-1, 0, 100_000);
const parseSmall = asInt(0, 0, 1_000);

export interface Selection {
  step: number;
  stage: Stage;
  tok: number; // always a valid position of the current text (defaults to the last token)
  layer: number;
  head: number;
}

export interface SelectionActions {
  setStep: (step: number, mode?: 'push' | 'replace') => void;
  setTok: (tok: number) => void;
  setLayer: (layer: number) => void;
  setHead: (head: number) => void;
}

export function useSelection(stages: readonly Stage[], T: number, nLayer: number, nHead: number): [Selection, SelectionActions] {
  const [rawStep] = useUrlParam('step', parseStep, serializeInt, 'push');
  const [rawTok] = useUrlParam('tok', parseTok, serializeInt, 'push');
  const [rawLayer] = useUrlParam('layer', parseSmall, serializeInt, 'push');
  const [rawHead] = useUrlParam('head', parseSmall, serializeInt, 'push');

  const step = Math.min(rawStep, stages.length - 1);
  const stage = stages[step];
  // A per-layer stage decides the layer; elsewhere the reader's chosen layer holds.
  const layer = stage.layer ?? Math.min(rawLayer, nLayer - 1);
  const tok = rawTok >= 0 && rawTok < T ? rawTok : Math.max(T - 1, 0);
  const head = Math.min(rawHead, nHead - 1);

  const setStep = useCallback(
    (next: number, mode: 'push' | 'replace' = 'push') => {
      const clamped = Math.max(0, Math.min(stages.length - 1, next));
      const l = stages[clamped].layer;
      writeParams({ step: String(clamped), ...(l === null ? {} : { layer: String(l) }) }, mode);
    },
    [stages],
  );
  const setTok = useCallback((t: number) => writeParams({ tok: String(t) }, 'push'), []);
  const setHead = useCallback((h: number) => writeParams({ head: String(h) }, 'push'), []);
  const setLayer = useCallback(
    (l: number) => {
      // Stay on the same kind of stage, in the chosen layer.
      const same = stage.layer === null ? undefined : stages.find((s) => s.kind === stage.kind && s.layer === l);
      writeParams({ layer: String(l), ...(same ? { step: String(same.index) } : {}) }, 'push');
    },
    [stage, stages],
  );

  const selection = useMemo(() => ({ step, stage, tok, layer, head }), [step, stage, tok, layer, head]);
  const actions = useMemo(() => ({ setStep, setTok, setLayer, setHead }), [setStep, setTok, setLayer, setHead]);
  return [selection, actions];
}
