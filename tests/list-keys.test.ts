import { describe, expect, it } from 'vitest';
import { listKeyStep } from '../src/viz/gridKeys';

// The token chips' keys: one step along the list per arrow, in reading order, stopping at its ends.
describe('listKeyStep', () => {
  it('moves one item back or on with the arrows, either way they point', () => {
    expect(listKeyStep('ArrowRight', 3, 9)).toBe(4);
    expect(listKeyStep('ArrowDown', 3, 9)).toBe(4);
    expect(listKeyStep('ArrowLeft', 3, 9)).toBe(2);
    expect(listKeyStep('ArrowUp', 3, 9)).toBe(2);
  });
  it('stops at the ends instead of wrapping round', () => {
    expect(listKeyStep('ArrowLeft', 0, 9)).toBe(0);
    expect(listKeyStep('ArrowRight', 8, 9)).toBe(8);
  });
  it('goes to the first and last item with Home and End', () => {
    expect(listKeyStep('Home', 5, 9)).toBe(0);
    expect(listKeyStep('End', 5, 9)).toBe(8);
  });
  it('leaves other keys alone', () => {
    expect(listKeyStep('Enter', 5, 9)).toBe(null);
    expect(listKeyStep('a', 5, 9)).toBe(null);
  });
});
