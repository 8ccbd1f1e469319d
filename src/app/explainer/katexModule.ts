import { useSyncExternalStore } from 'react';

type Katex = typeof import('katex').default;

// KaTeX is a third of the page's script, and no formula is needed before the text box and the model's
// first prediction: it comes in its own chunk, asked for as the page starts, and every formula on the
// page draws itself when it arrives.
let katex: Katex | null = null;
let loading: Promise<void> | null = null;
const waiting = new Set<() => void>();

export function loadKatex(): Promise<void> {
  loading ??= import('katex').then(
    (m) => {
      katex = m.default;
      for (const notify of waiting) notify();
    },
    // A formula left unset is better than a page that fails; a reload will try again.
    () => undefined,
  );
  return loading;
}

function subscribe(notify: () => void): () => void {
  waiting.add(notify);
  void loadKatex();
  return () => waiting.delete(notify);
}

/** KaTeX once its chunk has loaded, null until then. */
export function useKatex(): Katex | null {
  return useSyncExternalStore(subscribe, () => katex);
}
