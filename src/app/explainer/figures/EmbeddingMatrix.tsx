import { useMemo, useState } from 'react';
import type { Tensor } from '../../../core/tensor';
import { embeddingOverview } from '../../../viz/embeddingMatrix';
import { divergingColor, robustMaxAbs } from '../../../viz/colors';
import { fmt } from '../../../viz/format';
import { t, type Lang, type UiStrings } from '../../i18n';
import { matrixToDataUrl } from '../bitmap';

const HEIGHT = 220;
const MARK_W = 150;

/** The whole of W_e as one picture, with the rows the reader's tokens look up marked on it. */
export function EmbeddingMatrix(props: { wte: Tensor; ids: readonly number[]; tok: number; labelOf: (id: number) => string; width: number; ui: UiStrings; lang: Lang }) {
  const { wte, ids, tok, ui, lang } = props;
  const [V, C] = wte.shape;
  const selectedId = ids[tok];
  const overview = useMemo(() => embeddingOverview(V, HEIGHT, ids, selectedId), [V, ids, selectedId]);
  const lines = overview.rowOfLine.length;
  const color = useMemo(() => divergingColor(robustMaxAbs(wte.data)), [wte]);
  const image = useMemo(() => {
    const values = new Float32Array(lines * C);
    overview.rowOfLine.forEach((row, line) => values.set(wte.data.subarray(row * C, (row + 1) * C), line * C));
    return matrixToDataUrl(values, lines, C, color);
  }, [overview, wte, C, lines, color]);
  const [hover, setHover] = useState<{ line: number; c: number } | null>(null);
  const matrixW = Math.max(96, Math.min(C * 4, props.width - MARK_W));
  const lineH = HEIGHT / lines;
  const y = (line: number) => (line + 0.5) * lineH;
  const selectedMark = overview.marks.find((m) => m.selected);

  const onMove = (e: React.PointerEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const c = Math.min(C - 1, Math.max(0, Math.floor(((e.clientX - box.left) / box.width) * C)));
    const line = Math.min(lines - 1, Math.max(0, Math.floor(((e.clientY - box.top) / box.height) * lines)));
    setHover({ line, c });
  };
  const hoverRow = hover ? overview.rowOfLine[hover.line] : null;
  return (
    <div className="embedding-matrix">
      <p className="figure-caption">{t(ui, 'embeddingMatrixCaption', lang, { V, C, every: Math.round(V / lines) })}</p>
      <svg width={matrixW + MARK_W} height={HEIGHT} viewBox={`0 0 ${matrixW + MARK_W} ${HEIGHT}`} role="img" aria-label={t(ui, 'embeddingMatrixCaption', lang, { V, C, every: Math.round(V / lines) })}>
        <image href={image} x={0} y={0} width={matrixW} height={HEIGHT} preserveAspectRatio="none" style={{ imageRendering: 'pixelated' }} />
        <rect x={0} y={0} width={matrixW} height={HEIGHT} className="matrix-frame" onPointerMove={onMove} onPointerLeave={() => setHover(null)} />
        {overview.marks.map((m) => (
          <line key={m.id} x1={matrixW + 2} x2={matrixW + (m.selected ? 18 : 8)} y1={y(m.line)} y2={y(m.line)} className={m.selected ? 'row-mark selected' : 'row-mark'} />
        ))}
        {selectedMark && (
          <text x={matrixW + 22} y={y(selectedMark.line)} dy="0.35em" className="row-mark-label">
            {`${selectedMark.id}: ${props.labelOf(selectedMark.id)}`}
          </text>
        )}
      </svg>
      <p className="hint" aria-live="polite">
        {hover && hoverRow !== null
          ? t(ui, 'embeddingMatrixCell', lang, { id: hoverRow, token: props.labelOf(hoverRow), c: hover.c, value: fmt(wte.data[hoverRow * C + hover.c]) })
          : ui.embeddingMatrixHint}
      </p>
    </div>
  );
}
