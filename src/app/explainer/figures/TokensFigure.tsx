import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { wordPieces } from '../../../viz/tokens';
import { visibleToken } from '../../../viz/format';
import { TokenChips } from './TokenChips';
import { ByteNote } from '../../ByteNote';
import { gpt2Tokenizer, type Gpt2Tokenizer } from './gpt2Tokens';

type Gpt2 = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & Gpt2Tokenizer);

const GPT2_VOCAB = 50_257;

/** GPT-2/GPT-3's real tokenizer (r50k_base), fetched from our own origin only when this chapter first renders. */
function useGpt2(): Gpt2 {
  const [state, setState] = useState<Gpt2>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    import('gpt-tokenizer/encoding/r50k_base').then(
      (m) => live && setState({ status: 'ready', ...gpt2Tokenizer(m) }),
      (e: Error) => live && setState({ status: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

interface Props {
  seenText: string; // the text our model reads (the reader's text, less what was cut to fit the context)
  ids: ArrayLike<number>;
  texts: readonly string[]; // each id decoded on its own
  labels: readonly string[]; // as tokenLabel shows them
  totalTokens: number; // before the cut
  vocabSize: number;
  tok: number;
  onPick: (t: number) => void;
  width: number;
}

/** Chapter 3: the same text as our tokens and as GPT-2's, with ids and word pieces marked. */
export function TokensFigure(props: Props) {
  const { ui, t } = useI18n();
  const gpt2 = useGpt2();
  const ours = useMemo(() => wordPieces(props.texts), [props.texts]);
  // GPT-2 splits exactly what our model reads, so the two counts compare like with like.
  const theirs = useMemo(() => {
    if (gpt2.status !== 'ready') return null;
    const ids = gpt2.encode(props.seenText);
    const texts = ids.map((id) => gpt2.tokenText(id));
    return { ids, labels: texts.map(visibleToken), pieces: wordPieces(texts) };
  }, [gpt2, props.seenText]);
  const cut = props.totalTokens > props.ids.length;
  const width = Math.min(props.width, 720);
  return (
    <figure className="figure tokens-figure">
      <figcaption>
        <strong>{ui.ourTokens}</strong> · {t('tokenCount', { n: props.ids.length })} · {t('ourVocab', { n: props.vocabSize })}
      </figcaption>
      <TokenChips
        labels={props.labels}
        ids={props.ids}
        width={width}
        selected={props.tok}
        onPick={props.onPick}
        label={ui.ourTokens}
        pieceOf={(i) => ours[i]}
      />
      <p className="figure-note">
        <span className="chip-key whole" /> {ui.wholeWord} <span className="chip-key piece" /> {ui.wordPiece}
      </p>
      <div data-testid="gpt2-tokens">
        <p className="figure-caption">
          <strong>{ui.gpt2Tokens}</strong>
          {theirs && <> · {t('tokenCount', { n: theirs.ids.length })}</>} · {t('gpt2Vocab', { n: GPT2_VOCAB })}
        </p>
        {gpt2.status === 'loading' && <p className="figure-note">{ui.loadingGpt2}</p>}
        {gpt2.status === 'error' && (
          <div className="figure-note warn" role="alert">
            <p>{ui.gpt2LoadFailed}</p>
            <details>
              <summary>{ui.errorDetails}</summary>
              <code>{gpt2.message}</code>
            </details>
          </div>
        )}
        {theirs && (
          <TokenChips
            labels={theirs.labels}
            ids={theirs.ids}
            width={width}
            selected={-1}
            label={ui.gpt2Tokens}
            pieceOf={(i) => theirs.pieces[i]}
          />
        )}
        {cut && <p className="figure-note">{t('tokensSameText', { n: props.ids.length, total: props.totalTokens })}</p>}
      </div>
      <ByteNote labels={[...props.labels, ...(theirs?.labels ?? [])]} />
    </figure>
  );
}
