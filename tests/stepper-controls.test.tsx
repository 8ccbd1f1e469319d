// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRef, useState } from 'react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildStages } from '../src/viz/stages';
import { getUi, type Lang } from '../src/app/i18n';
import { StepperControls } from '../src/app/explainer/StepperControls';
import { inLang } from './i18n';

const stages = buildStages(2);
const last = stages.length - 1;
const en = getUi('en');

type SetStep = (step: number, mode?: 'push' | 'replace') => void;

/**
 * The controls inside their region, as the stepper places them, with a text box inside and a button
 * outside. `steps` records every call; with `live`, the step follows the calls, clamped as useSelection does.
 */
function Harness(props: { initial: number; steps: SetStep; live?: boolean; lang?: Lang }) {
  const region = useRef<HTMLElement>(null);
  const [step, setStepState] = useState(props.initial);
  const setStep: SetStep = (...args) => {
    props.steps(...args);
    if (props.live) setStepState(Math.max(0, Math.min(last, args[0])));
  };
  return inLang(
    props.lang ?? 'en',
    <>
      <section ref={region} aria-label="stepper">
        <StepperControls region={region} stages={stages} step={step} setStep={setStep} />
        <textarea aria-label="notes" />
      </section>
      <button type="button">outside</button>
    </>,
  );
}

function setup(initial: number, options: { live?: boolean; lang?: Lang } = {}) {
  const steps = vi.fn<SetStep>();
  const user = userEvent.setup();
  render(<Harness initial={initial} steps={steps} {...options} />);
  const region = screen.getByRole('region', { name: 'stepper' });
  return { steps, user, region };
}

/**
 * Fake only the interval that plays the stages: Testing Library's async helpers wait on a real setTimeout,
 * and it recognises only Jest's fake timers, not Vitest's.
 */
const playClock = () => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });

const disabled = (el: HTMLElement) => (el as HTMLButtonElement).disabled;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('StepperControls', () => {
  it('disables Previous on the first stage and Next on the last', () => {
    setup(0);
    expect(disabled(screen.getByRole('button', { name: en.previous }))).toBe(true);
    expect(disabled(screen.getByRole('button', { name: en.next }))).toBe(false);
    cleanup();
    setup(last);
    expect(disabled(screen.getByRole('button', { name: en.previous }))).toBe(false);
    expect(disabled(screen.getByRole('button', { name: en.next }))).toBe(true);
  });

  it('steps back and forward with the buttons', async () => {
    const { steps, user } = setup(5);
    await user.click(screen.getByRole('button', { name: en.next }));
    expect(steps).toHaveBeenLastCalledWith(6);
    await user.click(screen.getByRole('button', { name: en.previous }));
    expect(steps).toHaveBeenLastCalledWith(4);
    expect(steps).toHaveBeenCalledTimes(2);
  });

  it('names the stage, with its layer, in the label and in the slider', () => {
    setup(5);
    const stage = stages[5];
    expect(stage.layer).toBe(0);
    const where = `Layer 1 · ${en[stage.label]}`;
    expect(screen.getByTestId('stage-of').textContent).toBe(`Stage 6 of ${stages.length}`);
    expect(screen.getByTestId('stage-name').textContent).toBe(where);
    const slider = screen.getByRole('slider', { name: en.stage });
    expect(slider.getAttribute('aria-valuetext')).toBe(`Stage 6 of ${stages.length}: ${where}`);
    expect(slider.getAttribute('min')).toBe('1');
    expect(slider.getAttribute('max')).toBe(String(stages.length));
    expect((slider as HTMLInputElement).value).toBe('6');
  });

  it('names a stage outside the layers without a layer, in Chinese too', () => {
    setup(last, { lang: 'zh' });
    const zh = getUi('zh');
    expect(stages[last].layer).toBeNull();
    expect(screen.getByTestId('stage-name').textContent).toBe(zh[stages[last].label]);
    expect(disabled(screen.getByRole('button', { name: zh.next }))).toBe(true);
  });

  it('jumps to the stage the slider is moved to', () => {
    const { steps } = setup(0);
    fireEvent.change(screen.getByRole('slider', { name: en.stage }), { target: { value: '12' } });
    expect(steps).toHaveBeenLastCalledWith(11, 'push');
  });

  it('makes one history entry of a drag: its first stage pushes, the rest replace, and the next drag pushes again', () => {
    const { steps } = setup(0);
    const slider = screen.getByRole('slider', { name: en.stage });
    fireEvent.pointerDown(slider);
    for (const value of ['2', '3', '4']) fireEvent.change(slider, { target: { value } });
    fireEvent.pointerUp(window);
    fireEvent.pointerDown(slider);
    fireEvent.change(slider, { target: { value: '9' } });
    // A drag the window lost track of (focus went elsewhere) ends too, and a key on the slider is a step of its own.
    fireEvent.blur(window);
    fireEvent.change(slider, { target: { value: '10' } });
    fireEvent.pointerDown(slider);
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    fireEvent.change(slider, { target: { value: '11' } });
    expect(steps.mock.calls).toEqual([
      [1, 'push'],
      [2, 'replace'],
      [3, 'replace'],
      [8, 'push'],
      [9, 'push'],
      [10, 'push'],
    ]);
  });

  it('steps with ←, → and goes to either end with Home and End while focus is inside its region, and not elsewhere or while typing', async () => {
    const { steps, user } = setup(3);
    await user.click(screen.getByRole('button', { name: en.next }));
    expect(steps).toHaveBeenLastCalledWith(4);
    steps.mockClear();
    await user.keyboard('{ArrowRight}');
    expect(steps).toHaveBeenLastCalledWith(4);
    await user.keyboard('{ArrowLeft}');
    expect(steps).toHaveBeenLastCalledWith(2);
    await user.keyboard('{Control>}{ArrowRight}{/Control}');
    expect(steps).toHaveBeenCalledTimes(2);
    await user.keyboard('{End}');
    expect(steps).toHaveBeenLastCalledWith(stages.length - 1);
    await user.keyboard('{Home}');
    expect(steps).toHaveBeenLastCalledWith(0);
    steps.mockClear();
    await user.click(screen.getByRole('textbox', { name: 'notes' }));
    await user.keyboard('{ArrowRight}{ArrowLeft}{Home}{End}');
    expect(steps).toHaveBeenCalledTimes(0);
    await user.click(screen.getByRole('button', { name: 'outside' }));
    await user.keyboard('{ArrowRight}{ArrowLeft}{Home}{End}');
    expect(steps).toHaveBeenCalledTimes(0);
  });

  it('plays one stage per 1.6 s, replacing the history entry, faster at a higher speed, and stops at the end', async () => {
    playClock();
    const { steps, user } = setup(last - 3, { live: true });
    await user.selectOptions(screen.getByRole('combobox', { name: en.speed }), '2');
    await user.click(screen.getByRole('button', { name: en.play }));
    const pause = screen.getByRole('button', { name: en.pause });
    expect(pause.getAttribute('aria-pressed')).toBe('true');
    steps.mockClear();
    act(() => vi.advanceTimersByTime(799));
    expect(steps).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(steps).toHaveBeenLastCalledWith(last - 2, 'replace');
    // One frame at a time, so React renders each step before the next tick, as it does in a browser.
    act(() => vi.advanceTimersByTime(800));
    expect(steps).toHaveBeenLastCalledWith(last - 1, 'replace');
    act(() => vi.advanceTimersByTime(800));
    expect(steps).toHaveBeenLastCalledWith(last, 'replace');
    expect(disabled(screen.getByRole('button', { name: en.next }))).toBe(true);
    act(() => vi.advanceTimersByTime(800));
    expect(screen.getByRole('button', { name: en.play }).getAttribute('aria-pressed')).toBe('false');
    act(() => vi.advanceTimersByTime(8000));
    expect(steps).toHaveBeenCalledTimes(3);
  });

  it('starts again from the first stage when Play is pressed on the last', async () => {
    playClock();
    const { steps, user } = setup(last, { live: true });
    await user.click(screen.getByRole('button', { name: en.play }));
    expect(steps).toHaveBeenCalledWith(0);
    expect(screen.getByTestId('stage-of').textContent).toBe(`Stage 1 of ${stages.length}`);
    act(() => vi.advanceTimersByTime(1600));
    expect(steps).toHaveBeenLastCalledWith(1, 'replace');
  });

  it('plays and pauses with space inside its region, but leaves space to a focused button', async () => {
    playClock();
    const { user, region } = setup(0, { live: true });
    const play = screen.getByTestId('play');
    fireEvent.keyDown(region, { key: ' ' });
    expect(play.getAttribute('aria-pressed')).toBe('true');
    expect(play.getAttribute('aria-label')).toBe(en.pause);
    fireEvent.keyDown(region, { key: ' ' });
    expect(play.getAttribute('aria-pressed')).toBe('false');
    // On a button, space presses that button (once), and the region's shortcut stays out of the way.
    await user.click(screen.getByRole('button', { name: en.next }));
    play.focus();
    await user.keyboard(' ');
    expect(play.getAttribute('aria-pressed')).toBe('true');
    // Outside the region space scrolls the page as usual.
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(play.getAttribute('aria-pressed')).toBe('true');
  });
});
