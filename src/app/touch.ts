import { useCallback, useSyncExternalStore } from 'react';
import { mediaQuery } from './mediaQuery';

/**
 * A screen to tap rather than type on: no hover with a coarse pointer, or a phone-narrow window. Hints that
 * name keys (←, →, Tab) or hovering are replaced there by ones that say what a tap does.
 */
export const TOUCH_OR_NARROW_QUERY = '(hover: none) and (pointer: coarse), (max-width: 600px)';

/** A finger, not a mouse: for what a gesture does, which a narrow window with a mouse does not change. */
const TOUCH_QUERY = '(hover: none) and (pointer: coarse)';

/** Whether the window matches `query`, following it as it is resized or rotated. */
function useMatches(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = mediaQuery(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => mediaQuery(query)?.matches === true,
    () => false,
  );
}

/** True on a touch screen or a narrow window; follows the window as it is resized or rotated. */
export function useTouchOrNarrow(): boolean {
  return useMatches(TOUCH_OR_NARROW_QUERY);
}

/** True on a touch screen (no hover, a coarse pointer), whatever the window's width. */
export function useTouchScreen(): boolean {
  return useMatches(TOUCH_QUERY);
}
