import { Fragment, memo, useMemo, type ReactNode } from 'react';
import type { LoadedModel } from '../../../core/bundle';
import { nextTokenAfter, singleTokenId, type NextToken } from '../../../core/nextToken';
import { CONTEXT_PAIR } from '../../../content/contextPair';
import { differingWords, layoutPairColumns, orderFlips, type PairColumn, type PromptPart } from '../../../viz/contextPair';
import { formatPercent, tokenLabel } from '../../../viz/format';
import { FigureBoundary } from '../../FigureBoundary';
import { useI18n } from '../../i18n';
import { useModel } from '../../model/ModelContext';
import { useText } from '../../state/text';
import './contextPair.css';

/** How many of each prompt's most likely next tokens the columns list. */
export const PAIR_TOP_K = 6;

// One forward pass per prompt and model, kept for the page's life: the prompts are fixed, so neither typing
// nor switching between the views with and without text runs the model on them again.
const passes = new WeakMap<LoadedModel, Map<string, NextToken>>();

function passFor(loaded: LoadedModel, prompt: string): NextToken {
  let byPrompt = passes.get(loaded);
  if (byPrompt === undefined) passes.set(loaded, (byPrompt = new Map()));
  let pass = byPrompt.get(prompt);
  if (pass === undefined) byPrompt.set(prompt, (pass = nextTokenAfter(loaded, prompt)));
  return pass;
}

/**
 * Chapter 5: the lesson's “context changes the prediction”, on a pair of prompts our model handles
 * (src/content/contextPair.ts). Two columns, each a prompt with the words that differ marked and its most
 * likely next tokens; the two compared tokens are marked in both. Drawn with or without text in the box.
 */
export function ContextPairFigure() {
  return (
    <FigureBoundary id="context-pair" resetKey="">
      <ContextPair />
    </FigureBoundary>
  );
}

const ContextPair = memo(function ContextPair() {
  const { ui, t } = useI18n();
  const loaded = useModel();
  const { tokenizer } = loaded;
  const { prompts, words, cues } = CONTEXT_PAIR;
  const compared = useMemo((): [number, number] => {
    const ids = words.map((w) => singleTokenId(tokenizer, w));
    if (ids[0] === null || ids[1] === null)
      throw new Error(`The compared words ${words.map((w) => JSON.stringify(w)).join(' and ')} must each be one token.`);
    return [ids[0], ids[1]];
  }, [tokenizer, words]);
  const columns = useMemo(
    () =>
      layoutPairColumns(
        prompts.map((p) => passFor(loaded, p).probs),
        compared,
        PAIR_TOP_K,
      ),
    [loaded, prompts, compared],
  );
  const parts = useMemo(() => differingWords(prompts[0], prompts[1]), [prompts]);
  const labelOf = (id: number) => tokenLabel(tokenizer, id);
  const chips = { a: <TokenChip label={labelOf(compared[0])} which={0} />, b: <TokenChip label={labelOf(compared[1])} which={1} /> };
  const [first, second] = columns;
  const verdict = orderFlips(columns)
    ? t('pairFlips', {
        cueA: cues[0],
        cueB: cues[1],
        pa: formatPercent(first.compared[0]),
        pb: formatPercent(first.compared[1]),
        qa: formatPercent(second.compared[0]),
        qb: formatPercent(second.compared[1]),
      })
    : ui.pairNoFlip;

  return (
    <figure className="figure context-pair" data-testid="context-pair">
      <figcaption>
        <strong className="pair-title">{ui.pairTitle}</strong> {withChips(t('pairCaption', { k: PAIR_TOP_K }), chips)}
      </figcaption>
      <div className="pair-columns">
        {columns.map((column, c) => (
          <PromptColumn key={c} prompt={prompts[c]} parts={parts[c]} column={column} labelOf={labelOf} />
        ))}
      </div>
      <p className="pair-verdict" data-testid="context-pair-verdict">
        {withChips(verdict, chips)}
      </p>
    </figure>
  );
});

function PromptColumn(props: { prompt: string; parts: PromptPart[]; column: PairColumn; labelOf: (id: number) => string }) {
  const { column } = props;
  const { t } = useI18n();
  return (
    <section className="pair-column" aria-label={t('pairColumn', { prompt: props.prompt })} data-testid="context-pair-column">
      <p className="pair-prompt" data-testid="context-pair-prompt">
        “{props.parts.map((part, i) => (part.differs ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}”
      </p>
      <ol className="pair-bars">
        {column.rows.map((row) => (
          <li
            key={row.id}
            className={
              row.compared === null
                ? undefined
                : `pair-compared pair-${row.compared === 0 ? 'a' : 'b'}${row.beyondTop ? ' pair-beyond' : ''}`
            }
            data-token-id={row.id}
            data-compared={row.compared ?? undefined}
          >
            <span className="pair-rank">{row.beyondTop ? t('pairRank', { n: row.rank }) : row.rank}</span>
            <span className="token-chip" data-testid="token-chip">
              {props.labelOf(row.id)}
            </span>
            <span className="pair-bar" aria-hidden="true">
              <span style={{ width: `${(row.fraction * 100).toFixed(2)}%` }} />
            </span>
            <span className="num" data-testid="context-pair-percent">
              {formatPercent(row.prob)}
            </span>
          </li>
        ))}
      </ol>
      <OpenPrompt prompt={props.prompt} />
    </section>
  );
}

/** Puts the prompt in the text box through the text's one setter, so the link and every figure follow it. */
function OpenPrompt(props: { prompt: string }) {
  const { ui, t } = useI18n();
  const [text, setText] = useText();
  const open = text === props.prompt;
  return (
    <button
      type="button"
      className="pair-open"
      disabled={open}
      title={t('pairOpenTitle', { prompt: props.prompt })}
      onClick={() => setText(props.prompt)}
    >
      {open ? `${ui.pairOpened} ✓` : ui.pairOpen}
    </button>
  );
}

function TokenChip(props: { label: string; which: 0 | 1 }) {
  return <span className={`token-chip pair-${props.which === 0 ? 'a' : 'b'}`}>{props.label}</span>;
}

/** A filled sentence with its {a} and {b} drawn as the compared tokens' chips. */
function withChips(sentence: string, chips: { a: ReactNode; b: ReactNode }): ReactNode[] {
  return sentence.split(/\{(a|b)\}/).map((piece, i) => (i % 2 === 1 ? <Fragment key={i}>{chips[piece as 'a' | 'b']}</Fragment> : piece));
}
