import { useI18n } from './i18n';
import { showsByte } from '../viz/format';

/** Says what ⟨E6⟩ means, under any figure or list that shows a token written that way; nothing otherwise. */
export function ByteNote(props: { labels: Iterable<string> }) {
  const { ui } = useI18n();
  for (const label of props.labels) {
    if (showsByte(label)) {
      return (
        <p className="figure-note byte-note" data-testid="byte-note">
          {ui.byteNote}
        </p>
      );
    }
  }
  return null;
}
