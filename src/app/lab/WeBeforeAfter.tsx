import { useEffect, useMemo, useState } from 'react';
import { rankAnalogies, RANK_DEPTH, type RankedAnalogy } from '../../core/analogyRanking';
import { fmt, formatCount } from '../../viz/format';
import { useModel } from '../model/ModelContext';
import { DEFAULT_MODEL_URL } from '../model/loadModel';
import { useI18n } from '../i18n';
import {
  COMPARED_ANALOGIES,
  COMPARED_TOP,
  parseStartingEmbedding,
  STARTING_EMBEDDING_FILE,
  type StartingEmbeddingFile,
} from './startingEmbedding';
import { SideScroll } from '../SideScroll';
import './weBeforeAfter.css';

type FileState = { status: 'loading' } | { status: 'error'; detail: string } | { status: 'ready'; file: StartingEmbeddingFile };

// One request per page, shared by chapter 4 and the lab; a failed one is tried again the next time the view mounts.
let request: Promise<StartingEmbeddingFile> | null = null;

function loadStartingEmbedding(vocabSize: number): Promise<StartingEmbeddingFile> {
  request ??= fetch(`${DEFAULT_MODEL_URL}/${STARTING_EMBEDDING_FILE}`)
    .then((res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json() as Promise<unknown>;
    })
    .then((json) => {
      const file = parseStartingEmbedding(json);
      if (!file) throw new Error('unexpected content');
      if (file.settings.vocabSize !== vocabSize) throw new Error(`built for ${file.settings.vocabSize} tokens, the model has ${vocabSize}`);
      return file;
    })
    .catch((e: unknown) => {
      request = null;
      throw e;
    });
  return request;
}

function useStartingEmbedding(vocabSize: number): FileState {
  const [state, setState] = useState<FileState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadStartingEmbedding(vocabSize).then(
      (file) => live && setState({ status: 'ready', file }),
      (e: unknown) => live && setState({ status: 'error', detail: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [vocabSize]);
  return state;
}

/** `king - man + woman` as the prose writes it. */
const shown = (expression: string) => expression.replace(/ - /g, ' − ');

function RankCell(props: { ranked: RankedAnalogy | undefined }) {
  const { ranked } = props;
  const { ui, t } = useI18n();
  if (!ranked || ranked.top.length === 0) return <td className="we-change-none">—</td>;
  const first = ranked.top[0];
  const rank =
    ranked.rank === 1
      ? ui.weChangeRankFirst
      : ranked.rank === null
        ? t('weChangeRankNone', { word: ranked.expected, n: RANK_DEPTH })
        : t('weChangeRank', { word: ranked.expected, rank: ranked.rank });
  return (
    <td className={ranked.rank === 1 ? 'we-change-hit' : undefined}>
      <span className="we-change-word" data-testid="we-change-word">
        {first.word}
      </span>{' '}
      <span className="num">{fmt(first.score, 3)}</span>
      <span className="we-change-rank">{rank}</span>
    </td>
  );
}

function TopList(props: { title: string; ranked: RankedAnalogy | undefined; note: string | null; testId: string }) {
  const { ranked } = props;
  return (
    <section className="we-change-list" aria-label={props.title} data-testid={props.testId}>
      <h4>{props.title}</h4>
      {ranked && ranked.top.length > 0 ? (
        <ol>
          {ranked.top.map((n) => (
            <li key={n.id} className={n.word === ranked.expected ? 'we-change-expected' : undefined}>
              <span className="we-change-word" data-testid="we-change-word">
                {n.word}
              </span>{' '}
              <span className="num">{fmt(n.score, 3)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="lab-hint">{props.note}</p>
      )}
    </section>
  );
}

/**
 * The analogies the app shows, ranked in the W_e training started from (co-occurrence statistics alone,
 * read from starting-embedding.json) and in the W_e the app loaded (computed here with the same function).
 * Shown in chapter 4 and in the lab.
 */
export function WeBeforeAfter() {
  const { ui, t } = useI18n();
  const loaded = useModel();
  // The file records the tiny model's starting W_e; any other model's would be a different matrix.
  if (!loaded.isDefault) {
    return (
      <section className="we-change" aria-labelledby="we-change-title" data-testid="we-before-after">
        <h3 id="we-change-title">{ui.weChangeTitle}</h3>
        <p className="lab-hint">{t('weChangeOtherModel', { model: loaded.name })}</p>
      </section>
    );
  }
  return <DefaultModelBeforeAfter />;
}

function DefaultModelBeforeAfter() {
  const { ui, lang, t } = useI18n();
  const loaded = useModel();
  const vocabSize = loaded.tokenizer.vocabSize;
  const file = useStartingEmbedding(vocabSize);
  const after = useMemo(
    () => rankAnalogies(loaded.model.params.wte, loaded.tokenizer, COMPARED_ANALOGIES, COMPARED_TOP),
    [loaded.model.params.wte, loaded.tokenizer],
  );
  const before = useMemo(() => {
    if (file.status !== 'ready') return null;
    return new Map(file.file.analogies.map((a) => [a.expression, a]));
  }, [file]);
  const [selected, setSelected] = useState(0);
  const pick = Math.min(selected, COMPARED_ANALOGIES.length - 1);
  const query = COMPARED_ANALOGIES[pick];
  const firsts = (list: readonly (RankedAnalogy | undefined)[]) => list.filter((r) => r?.rank === 1).length;
  const beforeRows = COMPARED_ANALOGIES.map((q) => before?.get(q.expression));
  const missingNote =
    file.status === 'loading'
      ? ui.weChangeLoading
      : file.status === 'error'
        ? t('weChangeMissing', { file: STARTING_EMBEDDING_FILE, detail: file.detail })
        : null;

  return (
    <section className="we-change" aria-labelledby="we-change-title" data-testid="we-before-after">
      <h3 id="we-change-title">{ui.weChangeTitle}</h3>
      <p className="lab-hint">{ui.weChangeIntro}</p>
      {missingNote && (
        <p className={file.status === 'error' ? 'we-change-missing' : 'lab-hint'} role={file.status === 'error' ? 'status' : undefined}>
          {missingNote}
        </p>
      )}
      {before && (
        <p className="we-change-summary" data-testid="we-change-summary">
          {t('weChangeSummary', { before: firsts(beforeRows), after: firsts(after), n: COMPARED_ANALOGIES.length })}
        </p>
      )}
      <SideScroll>
        <table className="we-change-table">
          <thead>
            <tr>
              <th scope="col">{ui.weChangeAnalogy}</th>
              <th scope="col">{ui.weChangeBefore}</th>
              <th scope="col">{ui.weChangeAfter}</th>
            </tr>
          </thead>
          <tbody>
            {COMPARED_ANALOGIES.map((q, i) => (
              <tr key={q.expression} className={i === pick ? 'is-picked' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    aria-pressed={i === pick}
                    onClick={() => setSelected(i)}
                    aria-label={t('weChangeShowTop', { expression: shown(q.expression), k: COMPARED_TOP })}
                  >
                    {shown(q.expression)}
                  </button>
                </th>
                <RankCell ranked={beforeRows[i]} />
                <RankCell ranked={after[i]} />
              </tr>
            ))}
          </tbody>
        </table>
      </SideScroll>
      <p className="we-change-lists-title">{t('weChangeListsFor', { expression: shown(query.expression), k: COMPARED_TOP })}</p>
      <div className="we-change-lists">
        <TopList
          title={ui.weChangeBefore}
          ranked={beforeRows[pick]}
          note={file.status === 'loading' ? ui.weChangeLoading : file.status === 'error' ? ui.weChangeMissingShort : ui.weChangeNotInFile}
          testId="we-before"
        />
        <TopList title={ui.weChangeAfter} ranked={after[pick]} note={null} testId="we-after" />
      </div>
      {file.status === 'ready' && (
        <p className="lab-hint">
          {t('weChangeSource', {
            file: STARTING_EMBEDDING_FILE,
            tokens: formatCount(file.file.settings.trainTokens, lang),
            dims: file.file.settings.embedding.dims,
            window: file.file.settings.embedding.window,
          })}
        </p>
      )}
    </section>
  );
}
