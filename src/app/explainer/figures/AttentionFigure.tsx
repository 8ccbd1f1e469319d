import { useMemo, useState } from 'react';
import type { Trace } from '../../../core/trace';
import { slice0 } from '../../../core/tensor';
import { useI18n } from '../../i18n';
import { sequentialColor } from '../../../viz/colors';
import { Heatmap } from '../Heatmap';
import { AttentionLines } from './AttentionLines';
import { HeadPicker, LayerPicker } from '../Pickers';
import type { CellPos } from '../../../viz/heatmapFrame';
import { attentionMapsLayout, layoutAttentionMap } from '../../../viz/attentionMaps';
import { fmt } from '../../../viz/format';
import { useTouchOrNarrow } from '../../touch';
import { ByteNote } from '../../ByteNote';
import { SideScroll } from '../../SideScroll';

const color = sequentialColor(1);

interface HeadCell extends CellPos {
  head: number;
}

/** Chapter 5: every head's weight matrix in one layer, and where the selected token looks in the selected head. */
export function AttentionFigure(props: {
  trace: Trace;
  labels: readonly string[];
  tok: number;
  layer: number;
  head: number;
  setLayer: (l: number) => void;
  setHead: (h: number) => void;
  setTok: (t: number) => void;
  width: number;
}) {
  const { trace, layer } = props;
  const { ui, t } = useI18n();
  const weights = trace.blocks[layer].weights;
  const [NH, T] = weights.shape;
  const headWeights = useMemo(() => slice0(weights, props.head).data, [weights, props.head]);
  const touch = useTouchOrNarrow();
  const maps = useMemo(() => attentionMapsLayout(props.width, T, NH), [props.width, T, NH]);
  const { oneColumn, labelled } = maps;
  const layouts = useMemo(
    () => Array.from({ length: NH }, (_, h) => layoutAttentionMap(slice0(weights, h).data, T, maps)),
    [weights, NH, T, maps],
  );
  // The cell under the pointer or the keyboard, else the last one tapped or clicked (a touch screen
  // has no hover). Both belong to the trace they were read from; a new text or layer drops them.
  const [hovered, setHovered] = useState<{ cell: HeadCell; weights: typeof weights } | null>(null);
  const [picked, setPicked] = useState<{ cell: HeadCell; weights: typeof weights } | null>(null);
  const current = (chosen: typeof hovered) =>
    chosen && chosen.weights === weights && chosen.cell.r < T && chosen.cell.c < T ? chosen.cell : null;
  const cell = current(hovered) ?? current(picked);
  return (
    <figure className="figure attention-figure">
      <div className="stepper-pickers">
        <LayerPicker nLayer={trace.blocks.length} layer={layer} onChange={props.setLayer} />
        <HeadPicker nHead={NH} head={props.head} onChange={props.setHead} />
      </div>
      <figcaption>{ui.attentionHeads}</figcaption>
      {maps.pool > 1 && (
        <p className="figure-note pool-note" data-testid="pool-note">
          {t('attentionPooled', { T, k: maps.pool })}
        </p>
      )}
      <div className={oneColumn ? 'small-multiples one-column' : 'small-multiples'} data-testid="attention-maps">
        {layouts.map((layout, h) => (
          <div key={h} className={h === props.head ? 'multiple selected' : 'multiple'}>
            <button type="button" className="multiple-title" aria-pressed={h === props.head} onClick={() => props.setHead(h)}>
              {t('headN', { h: h + 1 })}
            </button>
            <SideScroll>
              <Heatmap
                layout={layout}
                color={color}
                rowLabels={props.labels}
                colLabels={labelled ? props.labels : undefined}
                labelWidth={maps.labelWidth}
                selectedRow={props.tok}
                focus={cell && cell.head === h ? cell : null}
                onHover={(at) => setHovered(at ? { cell: { head: h, ...at }, weights } : null)}
                onPick={(at) => {
                  setPicked({ cell: { head: h, ...at }, weights });
                  props.setHead(h);
                  props.setTok(at.r);
                }}
                label={t('headN', { h: h + 1 })}
              />
            </SideScroll>
          </div>
        ))}
      </div>
      <p className="cell-readout attention-readout" aria-live="polite" data-testid="attention-readout">
        {cell ? (
          <HeadCellReadout cell={cell} weight={weights.data[(cell.head * T + cell.r) * T + cell.c]} labels={props.labels} />
        ) : touch ? (
          ui.attentionCellHintTouch
        ) : (
          ui.attentionCellHint
        )}
      </p>
      <ByteNote labels={props.labels} />
      <p className="figure-caption">{ui.attentionLines}</p>
      <AttentionLines
        weights={headWeights}
        T={T}
        labels={props.labels}
        query={props.tok}
        width={props.width}
        label={ui.attentionLines}
        onPick={props.setTok}
      />
    </figure>
  );
}

function HeadCellReadout(props: { cell: HeadCell; weight: number; labels: readonly string[] }) {
  const { cell } = props;
  const { t } = useI18n();
  const values = { h: cell.head + 1, query: props.labels[cell.r] ?? '', key: props.labels[cell.c] ?? '', w: fmt(props.weight) };
  return <>{t(cell.c > cell.r ? 'attentionCellMasked' : 'attentionCell', values)}</>;
}
