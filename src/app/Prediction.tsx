import { lastProbs } from '../core/trace';
import type { Tokenizer } from '../core/tokenizer/index.ts';
import type { ForwardResult } from './model/runText';
import { useI18n } from './i18n';
import { topK } from '../core/topk';
import { formatPercent, tokenLabel } from '../viz/format';
import { ByteNote } from './ByteNote';

/** The next-token distribution after the reader's text: the model's actual output. */
export function Prediction(props: { result: ForwardResult; tokenizer: Tokenizer; count?: number }) {
  const { ui } = useI18n();
  if (props.result.kind !== 'ok') return null;
  const probs = lastProbs(props.result.trace);
  const top = topK(probs, props.count ?? 8);
  return (
    <section className="prediction" aria-label={ui.nextTokenPrediction}>
      <h2>{ui.nextTokenPrediction}</h2>
      <ol className="prediction-list">
        {top.map(({ index, value }) => (
          <li key={index}>
            <span className="token-chip" data-testid="token-chip">
              {tokenLabel(props.tokenizer, index)}
            </span>
            <span className="bar" style={{ width: `${Math.max(1, (value / top[0].value) * 100)}%` }} />
            <span className="num">{formatPercent(value)}</span>
          </li>
        ))}
      </ol>
      <ByteNote labels={top.map(({ index }) => tokenLabel(props.tokenizer, index))} />
    </section>
  );
}
