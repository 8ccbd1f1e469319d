import { useSyncExternalStore } from 'react';
import { mediaQuery } from './mediaQuery';

/**
 * A screen to tap rather than type on: no hover with a coarse pointer, or a phone-narrow window. Hints that
 * name keys (←, →, Tab) or hovering are replaced there by ones that say what a tap does.
 */
export const TOUCH_OR_NARROW_QUERY = '(hover: none) and (pointer: coarse), (max-width: 600px)';

const query = () => mediaQuery(TOUCH_OR_NARROW_QUERY);

function subscribe(onChange: () => void): () => void {
  const list = query();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

const matches = () => query()?.matches === true;

/** True on a touch screen or a narrow window; follows the window as it is resized or rotated. */
export function useTouchOrNarrow(): boolean {
  return useSyncExternalStore(subscribe, matches, () => false);
}
