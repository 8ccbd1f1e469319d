// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fmt } from '../src/viz/format';
import { VocabMatrix } from '../src/app/explainer/figures/VocabMatrix';
import { inLang } from './i18n';

// GPT-2's 768 columns in the whole-matrix picture beside the prose (582px): every 2nd column, one
// pixel each, said in the note, and the pointer reads the real column it is on.

const V = 1000;
const C = 768;
const matrix = { data: Float32Array.from({ length: V * C }, (_, i) => Math.sin(i)), shape: [V, C] };

function picture(lang: 'en' | 'zh', width = 582) {
  return render(
    inLang(
      lang,
      <VocabMatrix
        matrix={matrix}
        marked={[500]}
        selectedId={500}
        labelOf={(id) => `t${id}`}
        width={width}
        caption={() => 'W'}
        hint="hint"
        describe={(id, c, value) => `W[${id}, ${c}] = ${fmt(value)}`}
      />,
    ),
  );
}

// jsdom has no canvas to draw the bitmap on, and this test does not look at it.
vi.mock('../src/app/explainer/bitmap', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/app/explainer/bitmap')>()),
  rgbaToDataUrl: () => 'data:,',
}));

afterEach(cleanup);

describe('the whole-matrix picture of a 768-column matrix', () => {
  it('draws every 2nd column and says which, in English and in Chinese', () => {
    picture('en');
    expect(screen.getByTestId('matrix-frame').getAttribute('width')).toBe('384');
    expect(screen.getByTestId('matrix-columns-note').textContent).toBe(
      'Too many columns to give each a pixel: 1 in 2 of the 768 is drawn, columns 0, 2, 4, …, 766, so that every pixel is one real value. Hover or tap reads the value under it and names its column.',
    );
    cleanup();
    picture('zh');
    expect(screen.getByTestId('matrix-columns-note').textContent).toBe(
      '列太多，没法每列各占一个像素：768 列每 2 列只画 1 列，即第 0、2、4……766 列，这样每个像素都是矩阵里一个真实的数。把鼠标移到上面或点一下，就能读出那个像素上的数和它所在的列。',
    );
  });

  it('names the selected row by its id and token, with the page language’s colon', () => {
    picture('en');
    expect(screen.getByTestId('row-mark-label').textContent).toBe('500: t500');
    cleanup();
    picture('zh');
    expect(screen.getByTestId('row-mark-label').textContent).toBe('500：t500');
  });

  it('says nothing of columns when all of them fit', () => {
    picture('en', 1100);
    expect(screen.getByTestId('matrix-frame').getAttribute('width')).toBe('768');
    expect(screen.queryByTestId('matrix-columns-note')).toBeNull();
  });

  it('reads the real row and column under the pointer', () => {
    picture('en');
    const frame = screen.getByTestId('matrix-frame');
    frame.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 384, height: 220 });
    // The fourth pixel across on line 110, the selected row 500's: column 6.
    fireEvent.pointerMove(frame, { clientX: 3.5, clientY: 110.5 });
    expect(screen.getByTestId('matrix-readout').textContent).toBe(`W[500, 6] = ${fmt(matrix.data[500 * C + 6])}`);
  });

  it('reads from the keyboard, from the selected row: a line or a drawn column per arrow, the row’s ends on Home and End', async () => {
    const seenOutside: string[] = [];
    const outside = (e: KeyboardEvent) => seenOutside.push(e.key);
    window.addEventListener('keydown', outside); // as the stepper listens, to step on ← and →
    try {
      picture('en');
      const user = userEvent.setup();
      const readout = () => screen.getByTestId('matrix-readout').textContent;
      const cell = (id: number, c: number) => `W[${id}, ${c}] = ${fmt(matrix.data[id * C + c])}`;
      await user.tab();
      expect(document.activeElement).toBe(screen.getByRole('img', { name: 'W' }));
      // (A keyboard's focus reads the selected row's first value at once in a browser; jsdom has no :focus-visible.)
      await user.keyboard('{ArrowRight}{ArrowRight}');
      expect(readout()).toBe(cell(500, 4)); // every 2nd column is drawn, from the selected row's first
      await user.keyboard('{End}');
      expect(readout()).toBe(cell(500, 766));
      await user.keyboard('{ArrowDown}');
      expect(readout()).not.toContain('W[500,');
      await user.keyboard('{ArrowUp}{Home}');
      expect(readout()).toBe(cell(500, 0));
      expect(screen.getByTestId('matrix-cell-focus')).toBeTruthy();
      expect(seenOutside).toEqual(['Tab']);
    } finally {
      window.removeEventListener('keydown', outside);
    }
  });
});
