import { formatPercent } from '../format';
import type { ParamGroup, ParamGroupKey } from '../../core/param-count';

// The parameter breakdown as one stacked bar: a segment per family of groups, plus the table rows.

export type ParamFamily = 'embedding' | 'attention' | 'mlp' | 'norms' | 'unembedding';

export const FAMILY_OF: Record<ParamGroupKey, ParamFamily> = {
  tokenEmbedding: 'embedding',
  positionEmbedding: 'embedding',
  attnQ: 'attention',
  attnK: 'attention',
  attnV: 'attention',
  attnO: 'attention',
  attnBiases: 'attention',
  mlpUp: 'mlp',
  mlpDown: 'mlp',
  mlpBiases: 'mlp',
  layerNorms: 'norms',
  finalLayerNorm: 'norms',
  unembedding: 'unembedding',
};

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
export const FAMILY_COLOUR: Record<ParamFamily, string> = {
  embedding: '#0072B2',
  attention: '#E69F00',
  mlp: '#009E73',
  norms: '#CC79A7',
  unembedding: '#56B4E9',
};

export interface ParamSegment {
  key: ParamGroupKey;
  family: ParamFamily;
  x: number; // fraction of the bar, 0..1
  width: number; // fraction of the bar
  share: number; // of the total
  count: number;
}

/** Groups with parameters, laid end to end as fractions of the total (zero-sized groups are left out). */
export function layoutParamBar(groups: readonly ParamGroup[], total: number): ParamSegment[] {
  const segments: ParamSegment[] = [];
  let x = 0;
  for (const g of groups) {
    if (g.count === 0) continue;
    const share = g.count / total;
    segments.push({ key: g.key, family: FAMILY_OF[g.key], x, width: share, share, count: g.count });
    x += share;
  }
  return segments;
}

/** A percentage that never rounds a non-zero share down to a bare "0". */
export function formatShare(share: number): string {
  if (share === 0) return '0%';
  return formatPercent(share, share < 0.01 ? 2 : 1);
}

export { formatApprox, formatColumnCount, formatCount } from '../format';
