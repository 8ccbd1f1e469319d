import { useMemo, useState } from 'react';
import { layoutVectorStrip } from '../../../viz/heatmap';
import { fmt } from '../../../viz/format';
import { Heatmap } from '../Heatmap';
import { SampleNote } from '../SampleNote';
import { SideScroll } from '../../SideScroll';

/** One vector as a strip of coloured cells, with the hovered cell's exact value beneath. */
export function VectorStrip(props: {
  vector: ArrayLike<number>;
  color: (v: number) => string;
  width: number;
  rowLabel: string;
  caption: string;
  describe: (c: number) => string;
  testId?: string;
}) {
  const [hover, setHover] = useState<number | null>(null);
  const layout = useMemo(() => layoutVectorStrip(props.vector, props.width), [props.vector, props.width]);
  return (
    <div className="vector-strip" data-testid={props.testId}>
      <p className="strip-caption">{props.caption}</p>
      <SampleNote layout={layout} />
      <SideScroll>
        <Heatmap
          layout={layout}
          color={props.color}
          rowLabels={[props.rowLabel]}
          selectedRow={null}
          focus={hover === null ? null : { r: 0, c: hover }}
          onHover={(cell) => setHover(cell ? cell.c : null)}
          onPick={(cell) => setHover(cell.c)}
          label={props.caption}
        />
      </SideScroll>
      <p className="strip-readout num" aria-live="polite" data-testid="strip-readout">
        {hover === null ? '\u00a0' : `${props.describe(hover)} = ${fmt(props.vector[hover])}`}
      </p>
    </div>
  );
}
