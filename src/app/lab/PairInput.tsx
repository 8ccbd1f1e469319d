import { useId } from 'react';
import { useI18n } from '../i18n';
import type { WordPair } from './state';

/** Two words: a direction "from → to", or the two rows of a dot product "a · b". */
export function PairInput(props: {
  label: string;
  pair: WordPair;
  onChange: (pair: WordPair) => void;
  joiner?: string;
  hideLegend?: boolean; // when a heading right above already says what the pair is
}) {
  const { ui, labelled } = useI18n();
  const id = useId();
  const [from, to] = props.pair;
  return (
    <fieldset className="lab-pair">
      <legend className={props.hideLegend ? 'visually-hidden' : undefined}>{props.label}</legend>
      <label htmlFor={`${id}-from`} className="visually-hidden">
        {labelled(props.label, ui.labFrom)}
      </label>
      <input
        id={`${id}-from`}
        type="text"
        value={from}
        spellCheck={false}
        autoCapitalize="off"
        onChange={(e) => props.onChange([e.target.value.replace(/,/g, ''), to])}
      />
      <span aria-hidden="true">{props.joiner ?? '→'}</span>
      <label htmlFor={`${id}-to`} className="visually-hidden">
        {labelled(props.label, ui.labTo)}
      </label>
      <input
        id={`${id}-to`}
        type="text"
        value={to}
        spellCheck={false}
        autoCapitalize="off"
        onChange={(e) => props.onChange([from, e.target.value.replace(/,/g, '')])}
      />
    </fieldset>
  );
}
