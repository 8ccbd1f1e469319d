import { useMemo, useState } from 'react';
import type { Trace } from '../../../core/trace';
import { row } from '../../../core/tensor';
import { useI18n } from '../../i18n';
import { divergingColor, robustMaxAbs } from '../../../viz/colors';
import { layoutResidualStream, residualStream } from '../../../viz/residual';
import { fmt } from '../../../viz/format';
import { Heatmap } from '../Heatmap';
import { SampleNote } from '../SampleNote';
import { VectorStrip } from './VectorStrip';
import { ByteNote } from '../../ByteNote';
import { SideScroll } from '../../SideScroll';

/** Chapter 7: one token's vector in the residual stream after every step, and a layer norm's effect on it. */
export function LayersFigure(props: { trace: Trace; labels: readonly string[]; tok: number; width: number }) {
  const { trace, tok } = props;
  const { ui, lang, t } = useI18n();
  const points = useMemo(() => residualStream(trace, tok), [trace, tok]);
  const C = points[0].vector.length;
  const matrix = useMemo(() => {
    const m = new Float32Array(points.length * C);
    points.forEach((p, i) => m.set(p.vector, i * C));
    return m;
  }, [points, C]);
  const stepNames = points.map((p) =>
    p.layer === null ? ui.afterEmbedding : t(p.after === 'attention' ? 'afterAttention' : 'afterMlp', { l: p.layer + 1 }),
  );
  const color = useMemo(() => divergingColor(robustMaxAbs(matrix)), [matrix]);
  const stream = useMemo(() => layoutResidualStream(points, matrix, props.width, lang), [points, matrix, props.width, lang]);
  const [hover, setHover] = useState<{ r: number; c: number } | null>(null);
  const lastIn = points[points.length - 1].vector;
  const lnOut = useMemo(() => row(trace.lnF, tok), [trace, tok]);
  const range = (v: ArrayLike<number>) => `[${fmt(Math.min(...Array.from(v)), 2)}, ${fmt(Math.max(...Array.from(v)), 2)}]`;
  const lnColor = useMemo(() => divergingColor(robustMaxAbs(lnOut)), [lnOut]);
  return (
    <figure className="figure layers-figure">
      <figcaption>
        {ui.residualStream} · <span className="token-chip">{props.labels[tok]}</span>
      </figcaption>
      <SampleNote layout={stream.heatmap} />
      <div className="stream">
        <SideScroll>
          <Heatmap
            layout={stream.heatmap}
            color={color}
            rowLabels={stepNames}
            labelWidth={stream.labelWidth}
            selectedRow={null}
            focus={hover}
            onHover={setHover}
            onPick={setHover}
            label={ui.residualStream}
          />
        </SideScroll>
        <div className="stream-norms" aria-label={ui.vectorSize}>
          <p className="strip-caption">{ui.vectorSize}</p>
          {points.map((p, i) => (
            <div key={i} className="norm-row" style={{ height: stream.heatmap.cellH }}>
              <span className="bar signed" style={{ width: `${stream.normBarW[i]}px` }} />
              <span className="num">{fmt(p.norm, 2)}</span>
            </div>
          ))}
        </div>
      </div>
      <p className="strip-readout num">
        {hover ? `${stepNames[hover.r]} · ${t('channelN', { i: hover.c })} = ${fmt(points[hover.r].vector[hover.c])}` : '\u00a0'}
      </p>
      <VectorStrip
        vector={lastIn}
        color={color}
        width={props.width}
        rowLabel="x"
        caption={`${ui.layerNormBefore} ${range(lastIn)}`}
        describe={(c) => t('channelN', { i: c })}
      />
      <VectorStrip
        vector={lnOut}
        color={lnColor}
        width={props.width}
        rowLabel="ln_f(x)"
        caption={`${ui.layerNormAfter} ${range(lnOut)}`}
        describe={(c) => t('channelN', { i: c })}
      />
      <ByteNote labels={props.labels} />
    </figure>
  );
}
