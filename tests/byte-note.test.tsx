// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { getUi } from '../src/app/i18n';
import { ShiftTable } from '../src/app/ShiftTable';
import { NeighbourList } from '../src/app/lab/NeighbourList';
import { inLang } from './i18n';

// Lists of tokens outside the chapters (the ablation and injection tables, the lab's neighbours) say
// what ⟨E6⟩ means whenever they show a token written that way, and say nothing otherwise.

afterEach(cleanup);

const labels: Record<number, string> = { 1: '␣king', 2: '␣queen', 3: '⟨E6⟩', 4: '⟨96⟩' };
const label = (id: number) => labels[id];
const headers = { token: 'token', before: 'before', after: 'after', change: 'change' };
const shift = (id: number) => ({ id, before: 0.2, after: 0.3, delta: 0.1 });

describe.each(['en', 'zh'] as const)('the byte note (%s)', (lang) => {
  const note = getUi(lang).byteNote;

  it('is under a shift table that shows a byte token, and not under one that does not', () => {
    const { unmount } = render(inLang(lang, <ShiftTable rows={[shift(1), shift(3)]} label={label} headers={headers} />));
    expect(screen.getByTestId('byte-note').textContent).toBe(note);
    unmount();
    render(inLang(lang, <ShiftTable rows={[shift(1), shift(2)]} label={label} headers={headers} />));
    expect(screen.queryByTestId('byte-note')).toBeNull();
  });

  it('is under the lab’s neighbour list when a neighbour is a byte', () => {
    const list = (ids: number[]) => (
      <NeighbourList title="nearest" neighbours={ids.map((id) => ({ id, score: 0.5 }))} label={label} inputIds={[]} />
    );
    const { unmount } = render(inLang(lang, list([2, 4])));
    expect(screen.getByTestId('byte-note').textContent).toBe(note);
    unmount();
    render(inLang(lang, list([1, 2])));
    expect(screen.queryByTestId('byte-note')).toBeNull();
  });
});
