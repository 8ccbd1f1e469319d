import type { Trace } from '../core/trace';
import { row } from '../core/tensor';
import { norm } from '../core/vec';

// The residual stream of one token, read at every point where a block writes into it.

export interface StreamPoint {
  layer: number | null; // null for the embedding sum x0
  after: 'embedding' | 'attention' | 'mlp';
  vector: Float32Array; // (C) a view into the trace
  norm: number;
}

export function residualStream(trace: Trace, t: number): StreamPoint[] {
  const point = (layer: number | null, after: StreamPoint['after'], vector: Float32Array): StreamPoint => ({
    layer,
    after,
    vector,
    norm: norm(vector),
  });
  const points = [point(null, 'embedding', row(trace.x0, t))];
  trace.blocks.forEach((b, l) => {
    points.push(point(l, 'attention', row(b.resid1, t)));
    points.push(point(l, 'mlp', row(b.resid2, t)));
  });
  return points;
}
