import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { wordPieces } from '../../../viz/tokens';
import { visibleToken } from '../../../viz/format';
import { TokenChips } from './TokenChips';
import { ByteNote } from '../../ByteNote';
import { gpt2Tokenizer, type Gpt2Tokenizer } from './gpt2Tokens';
import { useModel, useModelOpener } from '../../model/ModelContext';

type Gpt2 = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & Gpt2Tokenizer);

const GPT2_VOCAB = 50_257;

/** GPT-2/GPT-3's real tokenizer (r50k_base), fetched from our own origin only when this chapter first renders. */
function useGpt2(wanted: boolean): Gpt2 {
  const [state, setState] = useState<Gpt2>({ status: 'loading' });
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    import('gpt-tokenizer/encoding/r50k_base').then(
      (m) => live && setState({ status: 'ready', ...gpt2Tokenizer(m) }),
      (e: Error) => live && setState({ status: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [wanted]);
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

/**
 * Chapter 3: the same text as the running model's tokens and as GPT-2's, with ids and word pieces marked.
 * With a model open that has GPT-2's own vocabulary, the two would be the same, so it is set beside the
 * tiny model's tokens instead.
 */
export function TokensFigure(props: Props) {
  const running = useModel();
  const { defaultModel } = useModelOpener();
  const tiny = !running.isDefault && props.vocabSize === GPT2_VOCAB ? defaultModel : null;
  return tiny ? (
    <TokensBeside {...props} other={{ kind: 'tiny', tokenizer: tiny.tokenizer }} />
  ) : (
    <TokensBeside {...props} other={{ kind: 'gpt2' }} />
  );
}

type Other =
  { kind: 'gpt2' } | { kind: 'tiny'; tokenizer: { encode(text: string): number[]; tokenText(id: number): string; vocabSize: number } };

function TokensBeside(props: Props & { other: Other }) {
  const { ui, t } = useI18n();
  const running = useModel();
  const gpt2 = useGpt2(props.other.kind === 'gpt2');
  const ours = useMemo(() => wordPieces(props.texts), [props.texts]);
  const { other } = props;
  // The other tokenizer splits exactly what the model reads, so the two counts compare like with like.
  const theirs = useMemo(() => {
    const tokenizer = other.kind === 'tiny' ? other.tokenizer : gpt2.status === 'ready' ? gpt2 : null;
    if (tokenizer === null) return null;
    const ids = tokenizer.encode(props.seenText);
    const texts = ids.map((id) => tokenizer.tokenText(id));
    return { ids, labels: texts.map(visibleToken), pieces: wordPieces(texts) };
  }, [gpt2, other, props.seenText]);
  const ourName = running.isDefault ? ui.ourTokens : t('loadedTokens', { name: t('quoted', { text: running.name }) });
  const ourVocab = running.isDefault ? t('ourVocab', { n: props.vocabSize }) : t('loadedVocab', { n: props.vocabSize });
  const theirName = other.kind === 'tiny' ? ui.tinyTokens : ui.gpt2Tokens;
  const theirVocab = other.kind === 'tiny' ? t('tinyVocab', { n: other.tokenizer.vocabSize }) : t('gpt2Vocab', { n: GPT2_VOCAB });
  const cut = props.totalTokens > props.ids.length;
  const width = Math.min(props.width, 720);
  return (
    <figure className="figure tokens-figure">
      <figcaption>
        <strong>{ourName}</strong> · {t('tokenCount', { n: props.ids.length })} · {ourVocab}
      </figcaption>
      <TokenChips
        labels={props.labels}
        ids={props.ids}
        width={width}
        selected={props.tok}
        onPick={props.onPick}
        label={ourName}
        pieceOf={(i) => ours[i]}
      />
      <p className="figure-note">
        <span className="chip-key whole" /> {ui.wholeWord} <span className="chip-key piece" /> {ui.wordPiece}
      </p>
      <div data-testid="gpt2-tokens">
        <p className="figure-caption">
          <strong>{theirName}</strong>
          {theirs && <> · {t('tokenCount', { n: theirs.ids.length })}</>} · {theirVocab}
        </p>
        {other.kind === 'gpt2' && gpt2.status === 'loading' && <p className="figure-note">{ui.loadingGpt2}</p>}
        {other.kind === 'gpt2' && gpt2.status === 'error' && (
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
            label={theirName}
            pieceOf={(i) => theirs.pieces[i]}
          />
        )}
        {cut && <p className="figure-note">{t('tokensSameText', { n: props.ids.length, total: props.totalTokens })}</p>}
      </div>
      <ByteNote labels={[...props.labels, ...(theirs?.labels ?? [])]} />
    </figure>
  );
}
