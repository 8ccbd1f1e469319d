import { Fragment, useId, useMemo, useState } from 'react';
import type { GPTModel } from '../../../core/model';
import type { Trace } from '../../../core/trace';
import type { TokenSource } from '../../../viz/format';
import { fmt, formatCount, tokenLabel } from '../../../viz/format';
import { parseWholeNumber } from '../../../core/sampling';
import { firingPositions, readNeuron } from '../../../core/neuron';
import { useI18n } from '../../i18n';
import { ByteNote } from '../../ByteNote';

const SHOWN = 6;

/**
 * Tokens each in a chip, as the other figures show them, so that a token of punctuation (":", "),") is not read as
 * part of the list around it; each with its value, if it has one, in the language's own parentheses.
 */
function TokenList(props: { items: readonly { token: string; value?: string }[] }) {
  const { ui, t } = useI18n();
  return props.items.map((item, i) => (
    <Fragment key={i}>
      {i > 0 && ui.listSeparator}
      <span className="token-chip" data-testid="neuron-token">
        {item.token}
      </span>
      {item.value !== undefined && t('inParentheses', { value: item.value })}
    </Fragment>
  ));
}

/** What one neuron writes (through ln_f and W_u) and reads (from W_e), and where it fires in the reader's text. */
export function NeuronReader(props: {
  model: GPTModel;
  tokenizer: TokenSource;
  trace: Trace;
  labels: readonly string[];
  layer: number;
  neuron: number;
  onPick: (neuron: number) => void;
}) {
  const { model, trace, layer, neuron } = props;
  const { ui, t, lang } = useI18n();
  const count = 4 * model.config.nEmbd;
  const inputId = useId();
  // What the reader typed, and the neuron shown when they did: a number the layer does not have stays in the box, with
  // its message, until they change it or another neuron is shown.
  const [typed, setTyped] = useState<{ text: string; shownWhenTyped: number } | null>(null);
  if (typed !== null && typed.shownWhenTyped !== neuron) setTyped(null);
  const reading = useMemo(() => readNeuron(model, layer, neuron, SHOWN), [model, layer, neuron]);
  const fires = useMemo(() => firingPositions(trace, layer, neuron, 3), [trace, layer, neuron]);
  const word = (id: number) => tokenLabel(props.tokenizer, id);
  const draft = typed !== null && typed.shownWhenTyped === neuron ? typed.text : String(neuron);
  const neuronIn = (text: string) => {
    const n = parseWholeNumber(text);
    return n !== null && n < count ? n : null;
  };
  const problem =
    draft.trim() === '' || neuronIn(draft) !== null
      ? null
      : t('neuronOutOfRange', { max: formatCount(count - 1, lang), shown: formatCount(neuron, lang) });
  return (
    <div className="neuron-reader" data-testid="neuron-reader">
      <label htmlFor={inputId}>{ui.neuronPickLabel}</label>{' '}
      <input
        id={inputId}
        className="neuron-number"
        inputMode="numeric"
        value={draft}
        aria-invalid={problem !== null}
        onChange={(e) => {
          const picked = neuronIn(e.target.value);
          setTyped({ text: e.target.value, shownWhenTyped: picked ?? neuron });
          if (picked !== null) props.onPick(picked);
        }}
        onBlur={() => {
          if (problem === null) setTyped(null);
        }}
      />
      {problem && (
        <p className="notice" data-testid="neuron-out-of-range">
          {problem}
        </p>
      )}
      <dl className="neuron-reading">
        <dt>{ui.neuronWritesUp}</dt>
        <dd data-testid="neuron-writes-up">
          <TokenList items={reading.up.map((r) => ({ token: word(r.index), value: `+${fmt(r.value, 2)}` }))} />
        </dd>
        <dt>{ui.neuronWritesDown}</dt>
        <dd data-testid="neuron-writes-down">
          <TokenList items={reading.down.map((r) => ({ token: word(r.index), value: fmt(r.value, 2) }))} />
        </dd>
        <dt>{ui.neuronReads}</dt>
        <dd data-testid="neuron-reads">
          <TokenList items={reading.readers.map((r) => ({ token: word(r.index) }))} />
        </dd>
        <dt>{ui.neuronFiresAt}</dt>
        <dd data-testid="neuron-fires">
          {fires
            .map((r) => t('neuronFiresAtItem', { pos: r.index, token: props.labels[r.index], value: fmt(r.value, 2) }))
            .join(ui.listSeparator)}
        </dd>
      </dl>
      <ByteNote labels={[...reading.up, ...reading.down, ...reading.readers].map((r) => word(r.index)).concat(props.labels)} />
      <p className="hint">{ui.neuronCrudeNote}</p>
    </div>
  );
}
