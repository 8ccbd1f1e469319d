// The ablation set as it travels in the URL ("h0.1,h2.3,m1": head 1 of layer 0, head 3 of layer 2,
// the MLP of layer 1) and the before/after comparison of two next-token distributions.

export interface AblationSet {
  heads: { layer: number; head: number }[];
  mlps: number[];
}

/** Parse out.ablate; entries that do not fit this model are dropped, so a hand-edited link cannot break the page. */
export function parseAblation(raw: string | null, nLayer: number, nHead: number): AblationSet {
  const heads = new Map<string, { layer: number; head: number }>();
  const mlps = new Set<number>();
  for (const part of (raw ?? '').split(',')) {
    const head = /^h(\d+)\.(\d+)$/.exec(part.trim());
    const mlp = /^m(\d+)$/.exec(part.trim());
    if (head) {
      const layer = Number(head[1]);
      const h = Number(head[2]);
      if (layer < nLayer && h < nHead) heads.set(`${layer}.${h}`, { layer, head: h });
    } else if (mlp && Number(mlp[1]) < nLayer) {
      mlps.add(Number(mlp[1]));
    }
  }
  return {
    heads: [...heads.values()].sort((a, b) => a.layer - b.layer || a.head - b.head),
    mlps: [...mlps].sort((a, b) => a - b),
  };
}

export function serializeAblation(set: AblationSet): string | null {
  const parts = [...set.heads.map((h) => `h${h.layer}.${h.head}`), ...set.mlps.map((m) => `m${m}`)];
  return parts.length ? parts.join(',') : null;
}

export function isEmptyAblation(set: AblationSet): boolean {
  return set.heads.length === 0 && set.mlps.length === 0;
}

export function toggleHead(set: AblationSet, layer: number, head: number): AblationSet {
  const on = set.heads.some((h) => h.layer === layer && h.head === head);
  const heads = on ? set.heads.filter((h) => h.layer !== layer || h.head !== head) : [...set.heads, { layer, head }];
  return { heads: heads.sort((a, b) => a.layer - b.layer || a.head - b.head), mlps: set.mlps };
}

export function toggleMlp(set: AblationSet, layer: number): AblationSet {
  const mlps = set.mlps.includes(layer) ? set.mlps.filter((m) => m !== layer) : [...set.mlps, layer];
  return { heads: set.heads, mlps: mlps.sort((a, b) => a - b) };
}

export function attentionOff(set: AblationSet, layer: number, nHead: number): boolean {
  return set.heads.filter((h) => h.layer === layer).length === nHead;
}

/** Switch a whole attention layer: all its heads off, or, when they already are, all back on. */
export function toggleAttention(set: AblationSet, layer: number, nHead: number): AblationSet {
  const others = set.heads.filter((h) => h.layer !== layer);
  const heads = attentionOff(set, layer, nHead) ? others : [...others, ...Array.from({ length: nHead }, (_, head) => ({ layer, head }))];
  return { heads: heads.sort((a, b) => a.layer - b.layer || a.head - b.head), mlps: set.mlps };
}
