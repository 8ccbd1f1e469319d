import { row, type Tensor } from '../../core/tensor';
import { formatTerms } from '../../core/expression';
import { principalAxes, projectOnto, unitDirection } from '../../core/projection';
import type { PlanePoint, PointKind } from './plane';

// Which vectors the lab's picture shows and where they land: the input words, the running sums
// of the expression (the corners of the arrows), the result and its nearest neighbours.

export interface PictureTerm {
  id: number;
  coefficient: number;
  label: string;
}

export type PictureAxes =
  | { kind: 'pca' }
  | { kind: 'pairs'; x: readonly [ArrayLike<number>, ArrayLike<number>]; y: readonly [ArrayLike<number>, ArrayLike<number>] };

export interface Picture {
  points: PlanePoint[];
  arrows: { from: string; to: string }[];
  /**
   * For a − b + c: b → c and a → result, the same vector c − b drawn twice. A linear projection keeps
   * equal vectors equal, so the four points make a parallelogram in any picture.
   */
  parallels: { from: string; to: string }[];
  /** Fraction of the shown vectors' spread the two principal components keep; null for chosen directions. */
  share: number | null;
}

/** Lay out the arithmetic; returns null when a chosen direction is degenerate (both words the same vector). */
export function buildPicture(
  wte: Tensor,
  terms: readonly PictureTerm[],
  result: Float32Array,
  neighbours: readonly { id: number; label: string }[],
  axes: PictureAxes,
): Picture | null {
  const C = wte.shape[1];
  const items: { key: string; label: string; kind: PointKind; vector: ArrayLike<number> }[] = [];
  const seen = new Set<string>();
  const add = (key: string, label: string, kind: PointKind, vector: ArrayLike<number>) => {
    if (seen.has(key)) return;
    seen.add(key);
    items.push({ key, label, kind, vector });
  };
  for (const t of terms) add(`w${t.id}`, t.label, 'input', row(wte, t.id));

  // The path of partial sums: it starts at the first word itself when its coefficient is 1, else at 0.
  const path: string[] = [];
  const running = new Float32Array(C);
  if (terms.length > 0 && terms[0].coefficient !== 1) {
    add('origin', '0', 'step', new Float32Array(C));
    path.push('origin');
  }
  terms.forEach((t, i) => {
    const r = row(wte, t.id);
    for (let c = 0; c < C; c++) running[c] += t.coefficient * r[c];
    if (i === terms.length - 1) return;
    if (i === 0 && t.coefficient === 1) path.push(`w${t.id}`);
    else {
      const key = `s${i}`;
      add(
        key,
        formatTerms(terms.slice(0, i + 1).map((x) => ({ word: x.label, coefficient: x.coefficient }))),
        'step',
        Float32Array.from(running),
      );
      path.push(key);
    }
  });
  add('result', formatTerms(terms.map((x) => ({ word: x.label, coefficient: x.coefficient }))), 'result', result);
  path.push('result');
  for (const n of neighbours) add(`w${n.id}`, n.label, 'neighbour', row(wte, n.id));

  const vectors = items.map((i) => i.vector);
  let coords: number[][];
  let share: number | null = null;
  if (axes.kind === 'pca') {
    const { axes: pcs, mean, variances } = principalAxes(vectors, 2);
    coords = projectOnto(vectors, pcs, mean).map((xy) => [xy[0] ?? 0, xy[1] ?? 0]);
    let total = 0;
    for (const v of vectors) for (let c = 0; c < C; c++) total += (v[c] - mean[c]) ** 2 / vectors.length;
    share = total > 0 ? variances.reduce((s, x) => s + x, 0) / total : null;
  } else {
    const ux = unitDirection(axes.x[0], axes.x[1]);
    const uy = unitDirection(axes.y[0], axes.y[1]);
    if (!ux || !uy) return null;
    coords = projectOnto(vectors, [ux, uy]);
  }
  const points = items.map((item, i) => ({ key: item.key, label: item.label, kind: item.kind, xy: [coords[i][0], coords[i][1]] as const }));
  const arrows = path.slice(1).map((to, i) => ({ from: path[i], to }));
  const [a, b, c] = terms;
  const analogy =
    terms.length === 3 && a.coefficient === 1 && b.coefficient === -1 && c.coefficient === 1 && new Set([a.id, b.id, c.id]).size === 3;
  const parallels = analogy
    ? [
        { from: `w${b.id}`, to: `w${c.id}` },
        { from: `w${a.id}`, to: 'result' },
      ]
    : [];
  return { points, arrows, parallels, share };
}
