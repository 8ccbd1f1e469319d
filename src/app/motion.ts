import { mediaQuery } from './mediaQuery';

/**
 * Whether the reader asked the system for less motion; every transition checks this before it starts,
 * so a reader who gets dizzy from moving bars sees the final state at once.
 */
export function prefersReducedMotion(): boolean {
  return mediaQuery('(prefers-reduced-motion: reduce)')?.matches === true;
}
