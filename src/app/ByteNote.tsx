import type { UiStrings } from './i18n';
import { showsByte } from '../viz/format';

/** Says what ⟨E6⟩ means, under any figure or list that shows a token written that way; nothing otherwise. */
export function ByteNote(props: { labels: Iterable<string>; ui: UiStrings }) {
  for (const label of props.labels) {
    if (showsByte(label)) {
      return (
        <p className="figure-note byte-note" data-testid="byte-note">
          {props.ui.byteNote}
        </p>
      );
    }
  }
  return null;
}
