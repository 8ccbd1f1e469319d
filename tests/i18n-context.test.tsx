// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { useI18n } from '../src/app/i18n';
import { LayerPicker } from '../src/app/explainer/Pickers';
import { inLang } from './i18n';

function Probe() {
  const { lang, ui, t, labelled } = useI18n();
  return <p data-testid="probe">{[lang, ui.layer, t('stageOf', { i: 2, n: 5 }), labelled(ui.layer, '3')].join(' | ')}</p>;
}

afterEach(cleanup);

describe('the i18n context', () => {
  it("gives the page's language, its strings, and t and labelled bound to both", () => {
    render(inLang('en', <Probe />));
    expect(screen.getByTestId('probe').textContent).toBe('en | Layer | Stage 2 of 5 | Layer: 3');
    cleanup();
    render(inLang('zh', <Probe />));
    expect(screen.getByTestId('probe').textContent).toBe('zh | 层 | 第 2 步，共 5 步 | 层：3');
  });

  it('redraws a component in the new language when the provider switches', () => {
    const picker = (lang: 'en' | 'zh') => inLang(lang, <LayerPicker nLayer={2} layer={0} onChange={() => {}} />);
    const { rerender } = render(picker('en'));
    expect(screen.getByRole('button', { name: 'Layer 2' })).toBeTruthy();
    rerender(picker('zh'));
    expect(screen.getByRole('button', { name: '第 2 层' })).toBeTruthy();
  });

  it('refuses to render outside a provider instead of falling back to a language', () => {
    // React logs the error it rethrows; the test only needs the throw.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Probe />)).toThrow(/outside an I18nProvider/);
    vi.restoreAllMocks();
  });
});
