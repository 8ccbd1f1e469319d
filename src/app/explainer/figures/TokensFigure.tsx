import { useEffect, useMemo, useState } from 'react';
import type { Lang, UiStrings } from '../../i18n';
import { t } from '../../i18n';
import { wordPieces } from '../../../viz/tokens';
import { TokenChips } from './TokenChips';

type Gpt2 = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; encode: (text: string) => number[]; decode: (ids: number[]) => string };

const GPT2_VOCAB = 50_257;

/** GPT-2/GPT-3's real tokenizer (r50k_base), fetched from our own origin only when this chapter first renders. */
function useGpt2(): Gpt2 {
  const [state, setState] = useState<Gpt2>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    import('gpt-tokenizer/encoding/r50k_base').then(
      (m) => live && setState({ status: 'ready', encode: (s) => m.encode(s), decode: (ids) => m.decode(ids) }),
      (e: Error) => live && setState({ status: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** Chapter 3: the reader's text as our tokens and as GPT-2's, with ids and word pieces marked. */
export function TokensFigure(props: { text: string; tokens: readonly string[]; ids: ArrayLike<number>; vocabSize: number; tok: number; onPick: (t: number) => void; width: number; ui: UiStrings; lang: Lang }) {
  const { ui, lang } = props;
  const gpt2 = useGpt2();
  const ours = useMemo(() => wordPieces(props.tokens), [props.tokens]);
  const theirs = useMemo(() => {
    if (gpt2.status !== 'ready') return null;
    const ids = gpt2.encode(props.text);
    const texts = ids.map((id) => gpt2.decode([id]));
    return { ids, texts, pieces: wordPieces(texts) };
  }, [gpt2, props.text]);
  const width = Math.min(props.width, 720);
  return (
    <figure className="figure tokens-figure">
      <figcaption>
        <strong>{ui.ourTokens}</strong> · {t(ui, 'tokenCount', lang, { n: props.tokens.length })} · {t(ui, 'ourVocab', lang, { n: props.vocabSize.toLocaleString('en-US') })}
      </figcaption>
      <TokenChips tokens={props.tokens} ids={props.ids} width={width} selected={props.tok} onHover={() => {}} onPick={props.onPick} label={ui.ourTokens} pieceOf={(i) => ours[i]} />
      <p className="figure-note">
        <span className="chip-key whole" /> {ui.wholeWord} <span className="chip-key piece" /> {ui.wordPiece}
      </p>
      <div data-testid="gpt2-tokens">
        <p className="figure-caption">
          <strong>{ui.gpt2Tokens}</strong>
          {theirs && <> · {t(ui, 'tokenCount', lang, { n: theirs.ids.length })}</>} · {t(ui, 'gpt2Vocab', lang, { n: GPT2_VOCAB.toLocaleString('en-US') })}
        </p>
        {gpt2.status === 'loading' && <p className="figure-note">{ui.loadingGpt2}</p>}
        {gpt2.status === 'error' && <p className="figure-note warn">{t(ui, 'gpt2LoadError', lang, { error: gpt2.message })}</p>}
        {theirs && <TokenChips tokens={theirs.texts} ids={theirs.ids} width={width} selected={-1} onHover={() => {}} onPick={() => {}} label={ui.gpt2Tokens} pieceOf={(i) => theirs.pieces[i]} />}
      </div>
    </figure>
  );
}
