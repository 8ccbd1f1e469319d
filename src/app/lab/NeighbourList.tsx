import type { Neighbour } from '../../core/analogy';
import { fmt } from '../../viz/format';
import { percentBars } from '../../viz/percentBars';
import { useI18n } from '../i18n';
import { ByteNote } from '../ByteNote';

/** A ranked list of tokens with their scores; clicking one adds it to the expression. */
export function NeighbourList(props: {
  title: string;
  neighbours: Neighbour[];
  label: (id: number) => string;
  inputIds: readonly number[];
  onPick?: (word: string) => void;
  className?: string;
}) {
  const { ui, t } = useI18n();
  const bars = percentBars(
    props.neighbours.map((n) => Math.abs(n.score)),
    2,
  );
  return (
    <section className={`lab-neighbours ${props.className ?? ''}`} aria-label={props.title}>
      <h4>{props.title}</h4>
      <ol>
        {props.neighbours.map((n, i) => {
          const word = props.label(n.id);
          const isInput = props.inputIds.includes(n.id);
          return (
            <li key={n.id} className={isInput ? 'is-input' : undefined}>
              <button
                type="button"
                className="lab-word"
                disabled={!props.onPick}
                aria-label={t('labAddWord', { word })}
                onClick={() => props.onPick?.(word)}
              >
                {word}
                {isInput && <span className="lab-input-mark">{ui.labInputMark}</span>}
              </button>
              <span className="lab-bar" style={{ width: `${bars[i]}%` }} />
              <span className="num">{fmt(n.score, 3)}</span>
            </li>
          );
        })}
      </ol>
      <ByteNote labels={props.neighbours.map((n) => props.label(n.id))} />
    </section>
  );
}
