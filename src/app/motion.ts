/**
 * Whether the reader asked the system for less motion; every transition checks this before it starts,
 * so a reader who gets dizzy from moving bars sees the final state at once.
 */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}
