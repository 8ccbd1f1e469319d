import { useMemo, useState } from 'react';
import type { Tensor } from '../../../core/tensor';
import {
  drawnValues,
  OVERVIEW_HEIGHT,
  sampledRow,
  vocabCellAt,
  vocabCellStep,
  vocabMatrixFrame,
  vocabOverview,
} from '../../../viz/vocabMatrix';
import { shownColumns } from '../../../viz/heatmap';
import { divergingColor, weightMaxAbs } from '../../../viz/colors';
import { colorsToRgba, rgbaToDataUrl } from '../bitmap';
import { useI18n } from '../../i18n';
import { fmt, formatColumnList } from '../../../viz/format';
import { asIndex } from '../../../content/fill';

/**
 * A (V, C) matrix with one row per vocabulary token (W_e, or W_u) drawn whole as one picture, with
 * some rows marked on the right: the ones the text looks up, or the ones with the highest logits. Each
 * pixel is one real value: rows are sampled to fit the height, and a wide matrix's columns the width.
 */
export function VocabMatrix(props: {
  matrix: Tensor;
  marked: readonly number[];
  selectedId: number;
  labelOf: (id: number) => string;
  width: number;
  /** What the picture is, given how many rows one line of pixels stands for. */
  caption: (every: number) => string;
  hint: string;
  /** The readout for one hovered value. */
  describe: (id: number, c: number, value: number) => string;
  testId?: string;
}) {
  const { matrix, marked, selectedId } = props;
  const { t, lang, labelled } = useI18n();
  const [V, C] = matrix.shape;
  const overview = useMemo(() => vocabOverview(V, OVERVIEW_HEIGHT, marked, selectedId), [V, marked, selectedId]);
  const lines = overview.rowOfLine.length;
  const frame = vocabMatrixFrame(overview, C, props.width);
  const { matrixW, height, step, shownCols } = frame;
  const color = useMemo(() => divergingColor(weightMaxAbs(matrix.data)), [matrix]);
  // The sampled rows are coloured once per matrix and width; a keystroke only recolours the marked lines.
  const base = useMemo(() => {
    const values = new Float32Array(lines * shownCols);
    for (let line = 0; line < lines; line++) values.set(drawnValues(matrix.data, C, sampledRow(line, V, lines), step), line * shownCols);
    return colorsToRgba(values, color);
  }, [matrix, V, C, lines, step, shownCols, color]);
  const image = useMemo(() => {
    const rgba = base.slice();
    for (const { id, line } of overview.marks) {
      if (overview.rowOfLine[line] === id) rgba.set(colorsToRgba(drawnValues(matrix.data, C, id, step), color), line * shownCols * 4);
    }
    return rgbaToDataUrl(rgba, lines, shownCols);
  }, [base, overview, matrix, C, lines, step, shownCols, color]);
  // The value under the pointer, else the last one tapped or clicked: a touch screen has no hover.
  const [hover, setHover] = useState<{ line: number; c: number } | null>(null);
  const [tapped, setTapped] = useState<{ line: number; c: number } | null>(null);
  const caption = props.caption(Math.round(V / lines));
  const columns = shownColumns(frame);
  const columnsNote =
    step > 1 ? t('vocabColumnsSampled', { k: step, n: C, shown: formatColumnList(columns.first, columns.last, lang) }) : null;

  const at = (e: React.PointerEvent<SVGRectElement> | React.MouseEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return vocabCellAt((e.clientX - box.left) / box.width, (e.clientY - box.top) / box.height, frame, lines);
  };
  // A cell read at another width may sit on a column this width does not draw: it is kept only while drawn.
  const drawn = (cell: { line: number; c: number } | null) => (cell && cell.line < lines && cell.c % step === 0 ? cell : null);
  const shown = drawn(hover) ?? drawn(tapped);
  const shownRow = shown ? overview.rowOfLine[shown.line] : null;
  // From the keyboard: focus reads the selected token's row, the arrows move a line or a drawn column, Home and End go
  // to the line's ends. The keys stay here, as in the heatmaps, instead of stepping the stepper.
  const selectedLine = overview.marks.find((m) => m.selected)?.line ?? 0;
  const onKeyDown = (e: React.KeyboardEvent<SVGSVGElement>) => {
    const to = vocabCellStep(drawn(tapped) ?? { line: selectedLine, c: 0 }, e.key, frame, lines);
    if (!to) return;
    e.preventDefault();
    e.stopPropagation();
    setTapped(to);
  };
  const cellW = matrixW / shownCols;
  const lineH = height / lines;
  return (
    <div className="vocab-matrix" data-testid={props.testId}>
      <p className="figure-caption">{caption}</p>
      <svg
        width={frame.width}
        height={height}
        viewBox={`0 0 ${frame.width} ${height}`}
        role="img"
        aria-label={caption}
        tabIndex={0}
        onFocus={(e) => {
          if (e.currentTarget.matches(':focus-visible') && !drawn(tapped)) setTapped({ line: selectedLine, c: 0 });
        }}
        onKeyDown={onKeyDown}
      >
        <image
          href={image}
          x={0}
          y={0}
          width={matrixW}
          height={height}
          preserveAspectRatio="none"
          style={{ imageRendering: 'pixelated' }}
        />
        <rect
          x={0}
          y={0}
          width={matrixW}
          height={height}
          className="matrix-frame"
          data-testid="matrix-frame"
          onPointerMove={(e) => setHover(at(e))}
          onPointerLeave={() => setHover(null)}
          onClick={(e) => setTapped(at(e))}
        />
        {frame.marks.map((m) => (
          <line key={m.id} x1={m.x1} x2={m.x2} y1={m.y} y2={m.y} className={m.selected ? 'row-mark selected' : 'row-mark'} />
        ))}
        {shown && (
          <rect
            className="cell-focus"
            data-testid="matrix-cell-focus"
            x={(shown.c / step) * cellW - 1}
            y={shown.line * lineH - 1}
            width={cellW + 2}
            height={lineH + 2}
          />
        )}
        {frame.label && (
          <text x={frame.label.x} y={frame.label.y} dy="0.35em" className="row-mark-label" data-testid="row-mark-label">
            {labelled(String(frame.label.id), props.labelOf(frame.label.id))}
          </text>
        )}
      </svg>
      {columnsNote && (
        <p className="figure-note sample-note" data-testid="matrix-columns-note">
          {columnsNote}
        </p>
      )}
      <p className="hint" aria-live="polite" data-testid="matrix-readout">
        {shown && shownRow !== null ? props.describe(shownRow, shown.c, matrix.data[shownRow * C + shown.c]) : props.hint}
      </p>
    </div>
  );
}

/** All of W_e, with the rows the text looks up ticked: chapter 4's lookup, and the stepper's token-embedding stage. */
export function EmbeddingMatrix(props: {
  wte: Tensor;
  ids: readonly number[];
  selectedId: number;
  labelOf: (id: number) => string;
  width: number;
  testId: string;
}) {
  const { wte } = props;
  const { ui, t } = useI18n();
  return (
    <VocabMatrix
      matrix={wte}
      marked={props.ids}
      selectedId={props.selectedId}
      labelOf={props.labelOf}
      width={props.width}
      caption={(every) => t('embeddingMatrixCaption', { V: wte.shape[0], C: wte.shape[1], every })}
      hint={ui.embeddingMatrixHint}
      describe={(id, c, value) => t('embeddingMatrixCell', { id: asIndex(id), c: asIndex(c), token: props.labelOf(id), value: fmt(value) })}
      testId={props.testId}
    />
  );
}
