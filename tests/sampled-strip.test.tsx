// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { divergingColor } from '../src/viz/colors';
import { fmt } from '../src/viz/format';
import { VectorStrip } from '../src/app/explainer/figures/VectorStrip';
import { inLang } from './i18n';

// GPT-2's 768 numbers in a phone's strip: every 8th is drawn, and the note, the pointer and the keys
// still reach the 767 others.

const vector = Float32Array.from({ length: 768 }, (_, i) => Math.sin(i) * (1 + i / 100));
const color = divergingColor(8);

function strip(lang: 'en' | 'zh', length = 768) {
  return render(
    inLang(
      lang,
      <VectorStrip
        vector={vector.subarray(0, length)}
        color={color}
        width={390}
        rowLabel="x"
        caption="x"
        describe={(c) => `channel ${c}`}
        testId="strip"
      />,
    ),
  );
}

afterEach(cleanup);

describe('a sampled vector strip', () => {
  it('draws every 8th of 768 numbers and says which, in English and in Chinese', () => {
    strip('en');
    expect(document.querySelectorAll('rect.cell')).toHaveLength(96);
    expect(screen.getByTestId('sample-note').textContent).toBe(
      'Too many to draw one by one: 1 in 8 of the 768 numbers is drawn, columns 0, 8, 16, …, 760. Hover or tap reads any of the 768.',
    );
    cleanup();
    strip('zh');
    expect(screen.getByTestId('sample-note').textContent).toBe(
      '数太多，没法逐个画出：768 个数每 8 个只画 1 个，即第 0、8、16……760 列。把鼠标移到上面或点一下，能读出这 768 个数中的任何一个。',
    );
  });

  it('reads the real column under the pointer, and the arrow keys step one real column at a time', () => {
    strip('en');
    const readout = screen.getByTestId('strip-readout');
    const hit = screen.getByTestId('heatmap-cells');
    const cellW = Number(hit.getAttribute('width')) / 96;
    // Inside the cell drawn for column 8, three eighths of the way across: column 11, which is not drawn.
    fireEvent.pointerMove(hit, { clientX: cellW * (1 + 3.5 / 8), clientY: 1 });
    expect(readout.textContent).toBe(`channel 11 = ${fmt(vector[11])}`);
    fireEvent.keyDown(screen.getByRole('img'), { key: 'ArrowRight' });
    expect(readout.textContent).toBe(`channel 12 = ${fmt(vector[12])}`);
    fireEvent.keyDown(screen.getByRole('img'), { key: 'ArrowLeft' });
    fireEvent.keyDown(screen.getByRole('img'), { key: 'ArrowLeft' });
    expect(readout.textContent).toBe(`channel 10 = ${fmt(vector[10])}`);
  });

  it('draws the default model’s 64 numbers whole, with no note', () => {
    strip('en', 64);
    expect(document.querySelectorAll('rect.cell')).toHaveLength(64);
    expect(screen.queryByTestId('sample-note')).toBeNull();
  });
});
