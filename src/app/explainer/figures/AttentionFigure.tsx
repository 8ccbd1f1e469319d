import { useMemo } from 'react';
import type { Trace } from '../../../core/trace';
import { slice0 } from '../../../core/tensor';
import type { Lang, UiStrings } from '../../i18n';
import { t } from '../../i18n';
import { layoutHeatmap } from '../../../viz/heatmap';
import { sequentialColor } from '../../../viz/colors';
import { Heatmap } from '../Heatmap';
import { AttentionLines } from './AttentionLines';
import { HeadPicker, LayerPicker } from '../Pickers';

const color = sequentialColor(1);

/** Chapter 5: every head's weight matrix in one layer, and where the selected token looks in the selected head. */
export function AttentionFigure(props: { trace: Trace; labels: readonly string[]; tok: number; layer: number; head: number; setLayer: (l: number) => void; setHead: (h: number) => void; setTok: (t: number) => void; width: number; ui: UiStrings; lang: Lang }) {
  const { trace, ui, lang, layer } = props;
  const weights = trace.blocks[layer].weights;
  const [NH, T] = weights.shape;
  const headWeights = useMemo(() => slice0(weights, props.head).data, [weights, props.head]);
  // Two heads per row, without row labels: the rows are the same tokens as in the lines below.
  const each = Math.floor((props.width - 12) / 2) - 12;
  const layouts = useMemo(
    () => Array.from({ length: NH }, (_, h) => layoutHeatmap(slice0(weights, h).data, T, T, { width: Math.max(each, 40), minCellW: 2, maxCellW: 24, minCellH: 2, maxCellH: 24 })),
    [weights, NH, T, each],
  );
  return (
    <figure className="figure attention-figure">
      <div className="stepper-pickers">
        <LayerPicker nLayer={trace.blocks.length} layer={layer} onChange={props.setLayer} ui={ui} lang={lang} />
        <HeadPicker nHead={NH} head={props.head} onChange={props.setHead} ui={ui} lang={lang} />
      </div>
      <figcaption>{ui.attentionHeads}</figcaption>
      <div className="small-multiples">
        {layouts.map((layout, h) => (
          <div key={h} className={h === props.head ? 'multiple selected' : 'multiple'}>
            <button type="button" className="multiple-title" aria-pressed={h === props.head} onClick={() => props.setHead(h)}>
              {t(ui, 'headN', lang, { h: h + 1 })}
            </button>
            <div className="scroll-box">
              <Heatmap layout={layout} color={color} rowLabels={props.labels} labelWidth={0} interactive={false} selectedRow={props.tok} focus={null} onHover={() => {}} onPick={(cell) => { props.setHead(h); props.setTok(cell.r); }} label={t(ui, 'headN', lang, { h: h + 1 })} />
            </div>
          </div>
        ))}
      </div>
      <p className="figure-caption">{ui.attentionLines}</p>
      <AttentionLines weights={headWeights} T={T} labels={props.labels} query={props.tok} width={Math.min(props.width, 520)} label={ui.attentionLines} onPick={props.setTok} />
    </figure>
  );
}
