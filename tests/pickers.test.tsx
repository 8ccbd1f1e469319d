// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { LayerPicker } from '../src/app/explainer/Pickers';
import { inLang } from './i18n';

function Harness(props: { onChange: (l: number) => void }) {
  const [layer, setLayer] = useState(0);
  return inLang(
    'en',
    <LayerPicker
      nLayer={4}
      layer={layer}
      onChange={(l) => {
        props.onChange(l);
        setLayer(l);
      }}
    />,
  );
}

afterEach(cleanup);

describe('the layer and head pickers', () => {
  it('move along with ← and →, choosing as they go, and keep the keys from the panel around them', async () => {
    const onChange = vi.fn();
    const panelKeys = vi.fn();
    window.addEventListener('keydown', panelKeys); // as the stepper listens, to step on ← and →
    try {
      render(<Harness onChange={onChange} />);
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: 'Layer 1' }));
      await user.keyboard('{ArrowRight}{ArrowRight}');
      expect(onChange.mock.calls.map((c) => c[0])).toEqual([0, 1, 2]);
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Layer 3' }));
      expect(screen.getByRole('button', { name: 'Layer 3' }).getAttribute('aria-pressed')).toBe('true');
      await user.keyboard('{ArrowLeft}');
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Layer 2' }));
      expect(panelKeys).not.toHaveBeenCalledWith(expect.objectContaining({ key: 'ArrowRight' }));
      expect(panelKeys).not.toHaveBeenCalledWith(expect.objectContaining({ key: 'ArrowLeft' }));
    } finally {
      window.removeEventListener('keydown', panelKeys);
    }
  });
});
