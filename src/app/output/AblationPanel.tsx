import { useId, useMemo, useState } from 'react';
import { lastProbs } from '../../core/trace';
import {
  attentionOff,
  isEmptyAblation,
  parseAblation,
  serializeAblation,
  toggleAttention,
  toggleHead,
  toggleMlp,
  type AblationSet,
} from '../../viz/output/ablation';
import { useI18n } from '../i18n';
import { useModel } from '../model/ModelContext';
import { useRerun } from '../model/usePass';
import { useUrlParam } from '../state/url';
import { tokenLabel } from '../../viz/format';
import type { OutputProps } from './common';
import { probabilityShifts } from '../../core/probabilityShift';
import { ShiftTable } from '../ShiftTable';
import { LayerPicker } from '../explainer/Pickers';
import { SideScroll } from '../SideScroll';

const SHOWN = 8;
// Above this many heads (GPT-2 has 144, gpt2-medium 384) the panel shows one layer's heads at a time.
const MOST_HEADS_AT_ONCE = 32;
// Above this many layers (gpt2-medium has 24) the whole-layer toggles show their number alone, named in full for screen readers.
const MOST_NAMED_LAYER_BUTTONS = 12;

/** Switch heads or MLP layers off (URL out.ablate) and compare the next-token prediction before and after. */
export function AblationPanel({ result }: OutputProps) {
  const { ui, t } = useI18n();
  const pressedMeansId = useId();
  const { model, tokenizer } = useModel();
  const { nLayer: L, nHead: NH } = model.config;
  const parse = useMemo(() => (raw: string | null) => parseAblation(raw, L, NH), [L, NH]);
  const [set, setSet] = useUrlParam<AblationSet>('out.ablate', parse, serializeAblation, 'replace');
  const empty = isEmptyAblation(set);
  const [chosenLayer, setChosenLayer] = useState(0);
  // The ablated pass runs only when something is switched off.
  const options = useMemo(
    () => (empty ? null : { logitRows: 'last' as const, ablatedHeads: set.heads, ablatedMlps: set.mlps }),
    [set, empty],
  );
  const after = useRerun(model, result, options);
  const rows = useMemo(() => {
    if (result.kind !== 'ok' || after === null) return [];
    return probabilityShifts(lastProbs(result.trace), lastProbs(after), SHOWN);
  }, [result, after]);
  if (result.kind !== 'ok') return null;

  const headOff = (l: number, h: number) => set.heads.some((x) => x.layer === l && x.head === h);
  const oneLayerAtATime = L * NH > MOST_HEADS_AT_ONCE;
  const layerShown = Math.min(chosenLayer, L - 1); // a smaller model may have been opened since
  const shownLayers = oneLayerAtATime ? [layerShown] : Array.from({ length: L }, (_, l) => l);
  const offElsewhere = oneLayerAtATime ? set.heads.filter((x) => x.layer !== layerShown) : [];
  const numbersOnly = L > MOST_NAMED_LAYER_BUTTONS;
  return (
    <section className="output-figure ablation-panel" aria-label={ui.outAblationTitle}>
      {/* Each switch is a toggle button, and a screen reader says "pressed": here that means the part is off. */}
      <span id={pressedMeansId} className="visually-hidden">
        {ui.outAblationPressedMeansOff}
      </span>
      <h3>{ui.outAblationTitle}</h3>
      <p className="caption">{ui.outAblationCaption}</p>
      <div className="ablation-grids">
        <fieldset>
          <legend>{oneLayerAtATime ? ui.outAblationHeadsOfLayer : ui.outAblationHeads}</legend>
          {oneLayerAtATime && <LayerPicker nLayer={L} layer={layerShown} onChange={setChosenLayer} />}
          <SideScroll>
            <div
              // One layer's heads wrap onto as many rows as the screen needs; every layer's stand in a grid, a row per layer.
              className={oneLayerAtATime ? 'head-grid one-layer' : 'head-grid'}
              data-testid="ablation-heads"
              style={oneLayerAtATime ? undefined : { gridTemplateColumns: `repeat(${NH}, minmax(40px, 1fr))` }}
            >
              {shownLayers.map((l) =>
                Array.from({ length: NH }, (_, h) => (
                  <button
                    key={`${l}.${h}`}
                    type="button"
                    className="head-toggle"
                    aria-pressed={headOff(l, h)}
                    aria-describedby={pressedMeansId}
                    aria-label={t('outAblationHeadLabel', { l: l + 1, h: h + 1 })}
                    onClick={() => setSet(toggleHead(set, l, h))}
                    data-testid={`ablate-h${l}.${h}`}
                  >
                    {t('outAblationHeadShort', { l: l + 1, h: h + 1 })}
                  </button>
                )),
              )}
            </div>
          </SideScroll>
          {offElsewhere.length > 0 && (
            <p className="muted small" data-testid="ablation-off-elsewhere">
              {t('outAblationOffElsewhere', {
                heads: offElsewhere.map((x) => t('outAblationHeadShort', { l: x.layer + 1, h: x.head + 1 })).join(ui.listSeparator),
              })}
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>{ui.outAblationLayers}</legend>
          <div className={numbersOnly ? 'mlp-row numbers' : 'mlp-row'}>
            {Array.from({ length: L }, (_, l) => (
              <button
                key={l}
                type="button"
                aria-pressed={attentionOff(set, l, NH)}
                aria-describedby={pressedMeansId}
                aria-label={numbersOnly ? t('outAblationAttentionN', { l: l + 1 }) : undefined}
                onClick={() => setSet(toggleAttention(set, l, NH))}
                data-testid={`ablate-a${l}`}
              >
                {numbersOnly ? l + 1 : t('outAblationAttentionN', { l: l + 1 })}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{ui.outAblationMlps}</legend>
          <div className={numbersOnly ? 'mlp-row numbers' : 'mlp-row'}>
            {Array.from({ length: L }, (_, l) => (
              <button
                key={l}
                type="button"
                aria-pressed={set.mlps.includes(l)}
                aria-describedby={pressedMeansId}
                aria-label={numbersOnly ? t('outAblationMlpN', { l: l + 1 }) : undefined}
                onClick={() => setSet(toggleMlp(set, l))}
                data-testid={`ablate-m${l}`}
              >
                {numbersOnly ? l + 1 : t('outAblationMlpN', { l: l + 1 })}
              </button>
            ))}
          </div>
        </fieldset>
      </div>
      <p className="muted small">{ui.outAblationBiasNote}</p>
      {empty ? (
        <p className="notice">{ui.outAblationNone}</p>
      ) : (
        <>
          <button type="button" onClick={() => setSet({ heads: [], mlps: [] })}>
            {ui.outAblationReset}
          </button>
          <ShiftTable
            rows={rows}
            label={(id) => tokenLabel(tokenizer, id)}
            headers={{ token: ui.token, before: ui.outBefore, after: ui.outAfter, change: ui.outDelta }}
            testId="ablation-compare"
          />
        </>
      )}
    </section>
  );
}
