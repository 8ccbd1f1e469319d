// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { getUi } from '../src/app/i18n';
import { readParam, URL_WRITE_DELAY_MS, writeParams } from '../src/app/state/url';
import { useSampling, useSeed } from '../src/app/output/settings';
import { SamplingControls } from '../src/app/output/SamplingControls';
import { inLang } from './i18n';

// The sampling keys (out.t, out.k, out.p) and the seed (out.seed) are owned by src/app/output/settings.ts:
// a value back at its default leaves the address, instead of staying as an empty "out.t=".

const KEYS = ['out.t', 'out.k', 'out.p', 'out.seed'];
const en = getUi('en');

/** The address bar, once the page's pending write has reached it. */
function addressKeys(): string[] {
  act(() => void vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 1));
  return [...new URLSearchParams(window.location.search).keys()];
}

function SamplingPanel() {
  return <SamplingControls sampling={useSampling(8192)} />;
}

beforeEach(() => {
  vi.useFakeTimers();
  writeParams(Object.fromEntries(KEYS.map((key) => [key, null])), 'push');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the sampling settings in the address', () => {
  it('drops a setting’s key when its field is emptied', () => {
    const { result } = renderHook(() => ({ sampling: useSampling(8192), seed: useSeed() }));
    act(() => {
      result.current.sampling.setTemperature('0.7');
      result.current.sampling.setTopK('40');
      result.current.sampling.setTopP('0.9');
      result.current.seed.setSeed('7');
    });
    expect(KEYS.map(readParam)).toEqual(['0.7', '40', '0.9', '7']);
    expect(addressKeys()).toEqual(expect.arrayContaining(KEYS));
    act(() => {
      result.current.sampling.setTemperature('');
      result.current.sampling.setTopK('');
      result.current.sampling.setTopP('');
      result.current.seed.setSeed('');
    });
    expect(KEYS.map(readParam)).toEqual([null, null, null, null]);
    expect(addressKeys()).toEqual([]);
    // Emptied is the default: what sampling uses is unchanged by the key's absence.
    expect(result.current.sampling.settings).toEqual({ temperature: 1, topK: null, topP: null });
    expect(result.current.seed.seed).toBe(42);
  });

  it('drops each key when its slider goes back to the default: temperature 1, top-k 0 (off), top-p 1 (off)', () => {
    render(inLang('en', <SamplingPanel />));
    const [temperature, topK, topP] = [en.temperature, en.topK, en.topP].map((name) => screen.getByRole('slider', { name }));
    fireEvent.change(temperature, { target: { value: '0.5' } });
    fireEvent.change(topK, { target: { value: '5' } });
    fireEvent.change(topP, { target: { value: '0.5' } });
    expect(KEYS.slice(0, 3).map(readParam)).toEqual(['0.5', '5', '0.5']);
    fireEvent.change(temperature, { target: { value: '1' } });
    fireEvent.change(topK, { target: { value: '0' } });
    fireEvent.change(topP, { target: { value: '1' } });
    expect(KEYS.slice(0, 3).map(readParam)).toEqual([null, null, null]);
    expect(addressKeys()).toEqual([]);
    // The fields show the defaults as their placeholders.
    expect(screen.getByRole('textbox', { name: en.temperature })).toHaveProperty('value', '');
    expect(screen.getByRole('textbox', { name: en.temperature })).toHaveProperty('placeholder', '1');
  });
});
