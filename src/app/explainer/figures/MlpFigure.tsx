import { useMemo } from 'react';
import type { Trace } from '../../../core/trace';
import { row } from '../../../core/tensor';
import { topK } from '../../../core/topk';
import type { Lang, UiStrings } from '../../i18n';
import { t } from '../../i18n';
import { divergingColor, robustMaxAbs } from '../../../viz/colors';
import { fmt } from '../../../viz/format';
import { LayerPicker } from '../Pickers';
import { VectorStrip } from './VectorStrip';

const TOP = 8;

/** Chapter 6: which of the layer's neurons fire for the selected token, after GELU. */
export function MlpFigure(props: {
  trace: Trace;
  labels: readonly string[];
  tok: number;
  layer: number;
  setLayer: (l: number) => void;
  width: number;
  ui: UiStrings;
  lang: Lang;
}) {
  const { trace, tok, layer, ui, lang } = props;
  const gelu = useMemo(() => row(trace.blocks[layer].gelu, tok), [trace, layer, tok]);
  const top = useMemo(() => topK(gelu, TOP), [gelu]);
  const color = useMemo(() => divergingColor(robustMaxAbs(trace.blocks[layer].gelu.data)), [trace, layer]);
  const max = Math.max(top[0]?.value ?? 1, 1e-9);
  return (
    <figure className="figure mlp-figure">
      <LayerPicker nLayer={trace.blocks.length} layer={layer} onChange={props.setLayer} ui={ui} lang={lang} />
      <figcaption>
        {ui.topNeurons} · <span className="token-chip">{props.labels[tok]}</span>
      </figcaption>
      <ol className="neuron-list" data-testid="top-neurons">
        {top.map(({ index, value }) => (
          <li key={index}>
            <span className="neuron-name">{t(ui, 'neuronN', lang, { i: String(index) })}</span>
            <span className="bar-track">
              <span className="bar signed" style={{ width: `${Math.max(1, (Math.max(value, 0) / max) * 100)}%` }} />
            </span>
            <span className="num">{fmt(value)}</span>
          </li>
        ))}
      </ol>
      <VectorStrip
        vector={gelu}
        color={color}
        width={props.width}
        rowLabel={props.labels[tok]}
        caption={t(ui, 'allNeurons', lang, { n: gelu.length })}
        describe={(i) => t(ui, 'neuronN', lang, { i })}
      />
    </figure>
  );
}
