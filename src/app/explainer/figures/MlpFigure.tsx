import { useMemo, useState } from 'react';
import type { Trace } from '../../../core/trace';
import type { GPTModel } from '../../../core/model';
import { row } from '../../../core/tensor';
import { topK } from '../../../core/topk';
import { sentenceGap, useI18n } from '../../i18n';
import { divergingColor, robustMaxAbs } from '../../../viz/colors';
import { fmt, type TokenSource } from '../../../viz/format';
import { percentBars } from '../../../viz/percentBars';
import { LayerPicker } from '../Pickers';
import { VectorStrip } from './VectorStrip';
import { GeluCurve } from './GeluCurve';
import { NeuronReader } from './NeuronReader';

const TOP = 8;

/** Chapter 6: which of the layer's neurons fire for the selected token, the GELU they pass through, and one neuron read closely. */
export function MlpFigure(props: {
  model: GPTModel;
  tokenizer: TokenSource;
  trace: Trace;
  labels: readonly string[];
  tok: number;
  layer: number;
  setLayer: (l: number) => void;
  width: number;
}) {
  const { trace, tok, layer } = props;
  const { ui, t, lang } = useI18n();
  const gelu = useMemo(() => row(trace.blocks[layer].gelu, tok), [trace, layer, tok]);
  const preActivations = useMemo(() => row(trace.blocks[layer].fc, tok), [trace, layer, tok]);
  const top = useMemo(() => topK(gelu, TOP), [gelu]);
  const color = useMemo(() => divergingColor(robustMaxAbs(trace.blocks[layer].gelu.data)), [trace, layer]);
  // A picked neuron stays picked while the text changes; until then the strongest one is read.
  const [picked, setPicked] = useState<number | null>(null);
  const neuron = picked ?? top[0]?.index ?? 0;
  // Only what a neuron adds is drawn: a negative output (GELU's small dip) gets the shortest bar.
  const bars = percentBars(
    top.map((d) => Math.max(d.value, 0)),
    1,
  );
  return (
    <figure className="figure mlp-figure">
      <LayerPicker nLayer={trace.blocks.length} layer={layer} onChange={props.setLayer} />
      <figcaption>
        {ui.topNeurons} · <span className="token-chip">{props.labels[tok]}</span>
      </figcaption>
      <ol className="neuron-list" data-testid="top-neurons">
        {top.map(({ index, value }, i) => (
          <li key={index}>
            <button type="button" className="neuron-name" aria-pressed={index === neuron} onClick={() => setPicked(index)}>
              {t('neuronN', { i: String(index) })}
            </button>
            <span className="bar-track">
              <span className="bar signed" style={{ width: `${bars[i]}%` }} />
            </span>
            <span className="num">{fmt(value)}</span>
          </li>
        ))}
      </ol>
      <GeluCurve preActivations={preActivations} selected={neuron} width={props.width} />
      <p className="hint" data-testid="gelu-caption">
        {ui.geluCurveCaption}
        {sentenceGap(lang)}
        {ui.countingNote}
      </p>
      <NeuronReader
        model={props.model}
        tokenizer={props.tokenizer}
        trace={trace}
        labels={props.labels}
        layer={layer}
        neuron={neuron}
        onPick={setPicked}
      />
      <VectorStrip
        vector={gelu}
        color={color}
        width={props.width}
        rowLabel={props.labels[tok]}
        caption={t('allNeurons', { n: gelu.length })}
        describe={(i) => t('neuronN', { i })}
      />
    </figure>
  );
}
