// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useState, type ReactNode } from 'react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { forward } from '../src/core/gpt';
import { slice0, type Tensor } from '../src/core/tensor';
import { tinyConfig } from './tinyConfig';
import { layoutHeatmap } from '../src/viz/heatmap';
import { layoutPooledHeatmap } from '../src/viz/pooledHeatmap';
import { divergingColor, robustMaxAbs, sequentialColor } from '../src/viz/colors';
import { Heatmap } from '../src/app/explainer/Heatmap';
import type { CellPos } from '../src/viz/heatmapFrame';
import { I18nProvider } from '../src/app/i18n';

const InEnglish = ({ children }: { children: ReactNode }) => <I18nProvider lang="en">{children}</I18nProvider>;

// A real forward pass of a tiny random GPT: the heatmaps below draw its attention weights and its x0.
const config = tinyConfig({ vocabSize: 40, nPositions: 8, nEmbd: 8, nLayer: 1, nHead: 2 });
const model = initModel(config, createRng(11), 0.5);
const ids = [5, 17, 2, 33, 9];
const T = ids.length;
const trace = forward(model, ids);
const labels = ids.map((id) => `tok${id}`);
/** Head 1's (T, T) attention weights. */
const weights: Tensor = slice0(trace.blocks[0].weights, 1);

function cellRects(svg: Element): SVGRectElement[] {
  return [...svg.querySelectorAll<SVGRectElement>('rect.cell')];
}

function at(svg: Element, r: number, c: number): SVGRectElement {
  const rect = svg.querySelector<SVGRectElement>(`rect.cell[data-r="${r}"][data-c="${c}"]`);
  if (!rect) throw new Error(`no cell at ${r}, ${c}`);
  return rect;
}

interface HarnessProps {
  tensor: Tensor;
  width?: number;
  colLabels?: boolean;
  selectedRow?: number | null;
  focus?: CellPos | null;
  onHover?: (cell: CellPos | null) => void;
  onPick?: (cell: CellPos) => void;
  enter?: 'fade' | 'fromAbove' | 'fromLeft';
}

function renderHeatmap(props: HarnessProps) {
  const [rows, cols] = props.tensor.shape;
  const layout = layoutHeatmap(props.tensor.data, rows, cols, { width: props.width ?? 200, minCellW: 6, minCellH: 10 });
  const color = sequentialColor(1);
  const onHover = props.onHover ?? vi.fn();
  const onPick = props.onPick ?? vi.fn();
  const view = render(
    <Heatmap
      layout={layout}
      color={color}
      rowLabels={labels}
      colLabels={props.colLabels ? labels : undefined}
      selectedRow={props.selectedRow ?? null}
      focus={props.focus ?? null}
      onHover={onHover}
      onPick={onPick}
      enter={props.enter}
      label="Attention weights"
      testId="stage-heatmap"
    />,
    { wrapper: InEnglish },
  );
  return { ...view, layout, color, onHover, onPick, svg: screen.getByRole('img', { name: 'Attention weights' }) };
}

/** The heatmap as the stepper holds it: hovering or arrowing moves a focus that comes back as a prop. */
function FocusHarness(props: { onPick: (cell: CellPos) => void; selectedRow: number; pool?: number }) {
  const [focus, setFocus] = useState<CellPos | null>(null);
  const layout = props.pool
    ? layoutPooledHeatmap(weights.data, T, T, props.pool, { width: 200 })
    : layoutHeatmap(weights.data, T, T, { width: 200 });
  return (
    <>
      <Heatmap
        layout={layout}
        color={sequentialColor(1)}
        rowLabels={labels}
        selectedRow={props.selectedRow}
        focus={focus}
        onHover={setFocus}
        onPick={props.onPick}
        label="Attention weights"
      />
      <output data-testid="focus">{focus ? `${focus.r},${focus.c}` : 'none'}</output>
    </>
  );
}

beforeEach(() => {
  // Reduced motion: the cells take their final attributes at once, so they can be read.
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('reduce'),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Heatmap', () => {
  it('draws one cell per value of the tensor slice, each in the colour of its exact value', async () => {
    const { svg, color } = renderHeatmap({ tensor: weights });
    expect(svg.getAttribute('data-testid')).toBe('stage-heatmap');
    expect(svg.getAttribute('tabindex')).toBe('0');
    // A screen reader learns from the picture's description that it is read with keys.
    expect(svg.querySelector('desc')?.textContent).toBe('The arrow keys read one cell at a time; Home and End go to the ends of a row.');
    const rects = cellRects(svg);
    expect(rects).toHaveLength(T * T);
    for (let r = 0; r < T; r++) {
      for (let c = 0; c < T; c++) expect(at(svg, r, c).getAttribute('fill')).toBe(color(weights.data[r * T + c]));
    }
    // Above the diagonal the weights are exactly 0, and the colour says so.
    expect(at(svg, 0, 4).getAttribute('fill')).toBe(color(0));
    expect(at(svg, 0, 0).getAttribute('fill')).toBe(color(1));
    await waitFor(() => expect(rects.every((rect) => rect.getAttribute('opacity') === '1')).toBe(true));
  });

  it('places each cell at its row and column once the entrance has run', async () => {
    const { svg, layout } = renderHeatmap({ tensor: weights, enter: 'fromAbove' });
    await waitFor(() => expect(at(svg, T - 1, 0).getAttribute('y')).toBe(String((T - 1) * layout.cellH)));
    for (const cell of layout.cells) {
      const rect = at(svg, cell.r, cell.c);
      expect(Number(rect.getAttribute('x'))).toBe(cell.c * layout.cellW);
      expect(Number(rect.getAttribute('y'))).toBe(cell.r * layout.cellH);
      expect(Number(rect.getAttribute('width'))).toBe(layout.cellW);
    }
  });

  it('labels the rows with their tokens and marks the selected row', () => {
    const { svg, layout } = renderHeatmap({ tensor: weights, selectedRow: 2 });
    const rowLabels = [...svg.querySelectorAll('text.row-label')];
    expect(rowLabels.map((l) => l.textContent)).toEqual(labels);
    expect(svg.querySelector('text.row-label.selected')?.textContent).toBe('tok2');
    const highlight = svg.querySelector('rect.row-highlight');
    expect(Number(highlight?.getAttribute('y'))).toBe(2 * layout.cellH - 1);
  });

  it('labels the columns only when they are wide enough to read', () => {
    const wide = renderHeatmap({ tensor: weights, colLabels: true, width: 200 });
    expect([...wide.svg.querySelectorAll('text.col-label')].map((l) => l.textContent)).toEqual(labels);
    cleanup();
    const narrow = renderHeatmap({ tensor: weights, colLabels: true, width: 30 });
    expect(narrow.svg.querySelectorAll('text.col-label')).toHaveLength(0);
  });

  it('outlines the focused cell', () => {
    const { svg, layout } = renderHeatmap({ tensor: weights, focus: { r: 3, c: 1 } });
    const outline = svg.querySelector('rect.cell-focus');
    expect(Number(outline?.getAttribute('x'))).toBe(layout.cellW - 1);
    expect(Number(outline?.getAttribute('y'))).toBe(3 * layout.cellH - 1);
  });

  it('keeps its cells and recolours them when the matrix changes, dropping rows that are gone', async () => {
    const first = renderHeatmap({ tensor: weights });
    const before = at(first.svg, 1, 0);
    const x0 = trace.x0; // (T, C): signed, a diverging scale
    const color = divergingColor(robustMaxAbs(x0.data));
    const shorter: Tensor = { data: x0.data.subarray(0, (T - 1) * config.nEmbd), shape: [T - 1, config.nEmbd] };
    const layout = layoutHeatmap(shorter.data, T - 1, config.nEmbd, { width: 200, minCellW: 6, minCellH: 10 });
    first.rerender(
      <Heatmap
        layout={layout}
        color={color}
        rowLabels={labels}
        selectedRow={null}
        focus={null}
        onHover={vi.fn()}
        onPick={vi.fn()}
        label="Attention weights"
      />,
    );
    expect(cellRects(first.svg)).toHaveLength((T - 1) * config.nEmbd);
    expect(at(first.svg, 1, 0)).toBe(before);
    await waitFor(() => expect(at(first.svg, 1, 0).getAttribute('fill')).toBe(color(x0.data[config.nEmbd])));
    for (const cell of layout.cells) expect(at(first.svg, cell.r, cell.c).getAttribute('fill')).toBe(color(cell.value));
  });

  it('draws a large matrix as one bitmap instead of a rect per cell', () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    const big: Tensor = { data: new Float32Array(64 * 64).map((_, i) => trace.x0.data[i % trace.x0.data.length]), shape: [64, 64] };
    const { svg } = renderHeatmap({ tensor: big, width: 64 * 3 });
    expect(cellRects(svg)).toHaveLength(0);
    expect(svg.querySelectorAll('image.cells')).toHaveLength(1);
  });

  it('reports the cell under the pointer, and nothing once it leaves', () => {
    const { svg, layout, onHover, onPick } = renderHeatmap({ tensor: weights });
    const hit = svg.querySelector('rect.hit-area')!;
    // jsdom puts every box at (0, 0), so client coordinates are coordinates inside the cells.
    fireEvent.pointerMove(hit, { clientX: 3 * layout.cellW + 1, clientY: 2 * layout.cellH + 1 });
    expect(onHover).toHaveBeenLastCalledWith({ r: 2, c: 3 });
    fireEvent.pointerMove(hit, { clientX: 1, clientY: (T - 1) * layout.cellH + 1 });
    expect(onHover).toHaveBeenLastCalledWith({ r: T - 1, c: 0 });
    fireEvent.pointerMove(hit, { clientX: layout.width + 5, clientY: 1 });
    expect(onHover).toHaveBeenLastCalledWith(null);
    fireEvent.pointerLeave(hit);
    expect(onHover).toHaveBeenLastCalledWith(null);
    fireEvent.click(hit, { clientX: layout.cellW + 1, clientY: 4 * layout.cellH + 1 });
    expect(onPick).toHaveBeenCalledWith({ r: 4, c: 1 });
  });

  it('reads a cell in the selected row when focus arrives by keyboard, and lets go on blur', () => {
    const { svg, onHover } = renderHeatmap({ tensor: weights, selectedRow: 3 });
    // A mouse click also focuses, but reads the cell under the pointer instead.
    fireEvent.focus(svg);
    expect(onHover).not.toHaveBeenCalled();
    // jsdom never matches :focus-visible; a browser does when focus comes from the keyboard.
    vi.spyOn(svg, 'matches').mockImplementation((selector) => selector === ':focus-visible');
    fireEvent.focus(svg);
    expect(onHover).toHaveBeenLastCalledWith({ r: 3, c: 0 });
    fireEvent.blur(svg);
    expect(onHover).toHaveBeenLastCalledWith(null);
  });

  it('moves the focused cell with the arrow keys, within the matrix, to its row’s ends with Home and End, and picks it with Enter', async () => {
    const user = userEvent.setup();
    const onPick = vi.fn();
    const seenOutside: string[] = [];
    const outside = (e: KeyboardEvent) => seenOutside.push(e.key);
    window.addEventListener('keydown', outside);
    try {
      render(<FocusHarness onPick={onPick} selectedRow={0} />, { wrapper: InEnglish });
      const svg = screen.getByRole('img', { name: 'Attention weights' });
      const focus = screen.getByTestId('focus');
      await user.tab();
      expect(document.activeElement).toBe(svg);
      await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
      expect(focus.textContent).toBe('1,2');
      expect(svg.querySelector('rect.cell-focus')).not.toBeNull();
      await user.keyboard('{ArrowUp}{ArrowUp}{ArrowLeft}{ArrowLeft}{ArrowLeft}');
      expect(focus.textContent).toBe('0,0');
      await user.keyboard('{ArrowDown}{End}');
      expect(focus.textContent).toBe(`1,${T - 1}`);
      await user.keyboard('{Home}');
      expect(focus.textContent).toBe('1,0');
      await user.keyboard('{ArrowDown>9/}{ArrowRight>9/}');
      expect(focus.textContent).toBe(`${T - 1},${T - 1}`);
      // The arrows, Home and End stay with the heatmap: the stepper's window listener never sees them.
      expect(seenOutside).toEqual(['Tab']);
      await user.keyboard('{Enter}');
      expect(onPick).toHaveBeenCalledWith({ r: T - 1, c: T - 1 });
      // Other keys go on to the page.
      expect(seenOutside).toEqual(['Tab', 'Enter']);
      await user.tab();
      expect(focus.textContent).toBe('none');
    } finally {
      window.removeEventListener('keydown', outside);
    }
  });

  it('on a pooled map, reads and outlines the real cell each block shows, and moves a block per arrow key', async () => {
    const user = userEvent.setup();
    render(<FocusHarness onPick={vi.fn()} selectedRow={4} pool={2} />, { wrapper: InEnglish });
    const svg = screen.getByRole('img', { name: 'Attention weights' });
    const focus = screen.getByTestId('focus');
    // Five tokens in blocks of 2: 3 × 3 blocks, each showing its largest weight where it lies.
    const layout = layoutPooledHeatmap(weights.data, T, T, 2, { width: 200 });
    const shown = (i: number, j: number) => {
      const { r, c } = layout.cells[i * 3 + j];
      return `${r},${c}`;
    };
    expect(cellRects(svg).map((rect) => `${rect.dataset.r},${rect.dataset.c}`)).toEqual(
      [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => shown(i, j))),
    );
    expect(Number(svg.querySelector('rect.row-highlight')?.getAttribute('y'))).toBe(2 * layout.cellH - 1); // row 4 is in the third row of blocks
    fireEvent.pointerMove(svg.querySelector('rect.hit-area')!, { clientX: layout.cellW + 1, clientY: 2 * layout.cellH + 1 });
    expect(focus.textContent).toBe(shown(2, 1));
    const outline = svg.querySelector('rect.cell-focus');
    expect([Number(outline?.getAttribute('x')), Number(outline?.getAttribute('y'))]).toEqual([layout.cellW - 1, 2 * layout.cellH - 1]);
    await user.click(svg);
    await user.keyboard('{ArrowUp}');
    expect(focus.textContent).toBe(shown(1, 1));
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(focus.textContent).toBe(shown(1, 2));
  });
});
