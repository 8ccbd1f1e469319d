import { useMemo } from 'react';
import type { AppModel } from '../model/loadModel';
import { resolveWord } from '../../core/wordTerms';
import { buildPicture, type PictureAxes } from '../../viz/lab/picture';
import { type Lang, type UiStrings, useI18n } from '../i18n';
import { labWordLabel, type ExpressionAnalysis } from './analysis';
import { describeSplitWord } from './messages';
import { PairInput } from './PairInput';
import { PlaneView } from './PlaneView';
import { fmt } from '../../viz/format';
import { usePictureAxes, type WordPair } from './state';
import { onRadioGroupKeyDown, radioTabIndex } from '../radioGroup';

const SHOWN_NEIGHBOURS = 6;

/**
 * Rows of wte for a word pair (and their ids, which stay equal from render to render while the
 * row views do not), or the messages explaining why they cannot be used.
 */
export function pairRows(
  loaded: AppModel,
  pair: WordPair,
  ui: UiStrings,
  lang: Lang,
  sameWordProblem: string | null, // what to say when both words are the same, or null when that is fine
): { ids: [number, number]; rows: [Float32Array, Float32Array] } | { problems: string[] } {
  const C = loaded.model.config.nEmbd;
  const found = pair.map((w) => ({ w, r: resolveWord(loaded.tokenizer, w.trim()) }));
  const problems = found.flatMap(({ w, r }) =>
    w.trim() === ''
      ? [ui.labErrEmptyWord]
      : r.ok
        ? []
        : [describeSplitWord({ word: w, pieceIds: r.pieceIds }, (id) => labWordLabel(loaded, id), ui, lang)],
  );
  if (problems.length > 0) return { problems: [...new Set(problems)] };
  const ids = found.map(({ r }) => (r.ok ? r.id : -1));
  if (ids[0] === ids[1] && sameWordProblem !== null) return { problems: [sameWordProblem] };
  const row = (id: number) => loaded.model.params.wte.data.subarray(id * C, (id + 1) * C);
  return { ids: [ids[0], ids[1]], rows: [row(ids[0]), row(ids[1])] };
}

export function PictureSection(props: { loaded: AppModel; analysis: ExpressionAnalysis }) {
  const { loaded, analysis } = props;
  const { ui, lang, t, labelled } = useI18n();
  const axisSettings = usePictureAxes();
  const { axes: axesMode, xAxis, yAxis } = axisSettings;
  const xRows = useMemo(() => pairRows(loaded, xAxis, ui, lang, ui.labAxisSame), [loaded, xAxis, ui, lang]);
  const yRows = useMemo(() => pairRows(loaded, yAxis, ui, lang, ui.labAxisSame), [loaded, yAxis, ui, lang]);
  const axisProblems =
    axisSettings.axes === 'pairs' ? [...('problems' in xRows ? xRows.problems : []), ...('problems' in yRows ? yRows.problems : [])] : [];
  const picture = useMemo(() => {
    if (analysis.kind !== 'ok' || axisProblems.length > 0) return null;
    let axes: PictureAxes = { kind: 'pca' };
    if (axesMode === 'pairs' && 'rows' in xRows && 'rows' in yRows) axes = { kind: 'pairs', x: xRows.rows, y: yRows.rows };
    const terms = analysis.terms.map((term) => ({ id: term.id, coefficient: term.coefficient, label: term.form }));
    const neighbours = analysis.cosine.slice(0, SHOWN_NEIGHBOURS).map((n) => ({ id: n.id, label: labWordLabel(loaded, n.id) }));
    return buildPicture(loaded.model.params.wte, terms, analysis.vector, neighbours, axes);
  }, [analysis, axesMode, xRows, yRows, axisProblems.length, loaded]);

  // What the flat picture cannot show exactly: which words are nearest to the result in all C dimensions.
  const nearest = useMemo(() => {
    if (analysis.kind !== 'ok') return null;
    const C = loaded.model.config.nEmbd;
    const best = analysis.cosine.find((n) => !analysis.inputIds.includes(n.id));
    const nearestInput = analysis.inputCosine[0];
    const closestInput = { word: analysis.terms.find((term) => term.id === nearestInput.id)!.form, score: nearestInput.score };
    return { C, best: best ? { word: labWordLabel(loaded, best.id), score: best.score } : null, closestInput };
  }, [analysis, loaded]);

  return (
    <section className="lab-section lab-picture" aria-label={ui.labPicture}>
      <h3>{ui.labPicture}</h3>
      <div className="lab-toggles" role="radiogroup" aria-label={ui.labAxes} onKeyDown={onRadioGroupKeyDown}>
        <span>
          {ui.labAxes}
          {ui.colon}
        </span>
        {(['pca', 'pairs'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={axisSettings.axes === mode}
            tabIndex={radioTabIndex(axisSettings.axes === mode)}
            onClick={() => axisSettings.setAxes(mode)}
          >
            {mode === 'pca' ? ui.labAxesPca : ui.labAxesPairs}
          </button>
        ))}
      </div>
      {axisSettings.axes === 'pairs' && (
        <div className="lab-pairs">
          <PairInput label={ui.labHorizontal} pair={axisSettings.xAxis} onChange={axisSettings.setXAxis} />
          <PairInput label={ui.labVertical} pair={axisSettings.yAxis} onChange={axisSettings.setYAxis} />
        </div>
      )}
      {axisProblems.map((p) => (
        <p key={p} className="notice warn">
          {p}
        </p>
      ))}
      {analysis.kind !== 'ok' && <p className="notice">{ui.labNoResult}</p>}
      {picture && (
        <>
          <p className="lab-hint">
            {picture.share !== null
              ? t('labPcaExplain', { n: picture.points.length, share: Math.round(picture.share * 100) })
              : ui.labPairsExplain}
          </p>
          <PlaneView
            picture={picture}
            axisNames={
              axisSettings.axes === 'pairs'
                ? [
                    labelled(ui.labHorizontal, `${axisSettings.xAxis[0]} → ${axisSettings.xAxis[1]}`),
                    labelled(ui.labVertical, `${axisSettings.yAxis[0]} → ${axisSettings.yAxis[1]}`),
                  ]
                : undefined
            }
          />
          {picture.parallels.length > 0 && analysis.kind === 'ok' && (
            <p className="lab-hint">
              {t('labParallelExplain', { a: analysis.terms[0].form, b: analysis.terms[1].form, c: analysis.terms[2].form })}
            </p>
          )}
          {nearest?.best && (
            <p className="lab-hint" data-testid="lab-nearest-note">
              {nearest.closestInput.score > nearest.best.score
                ? t('labNearestInput', {
                    C: nearest.C,
                    input: nearest.closestInput.word,
                    ci: fmt(nearest.closestInput.score, 2),
                    best: nearest.best.word,
                    cb: fmt(nearest.best.score, 2),
                  })
                : t('labNearestWord', { C: nearest.C, best: nearest.best.word, cb: fmt(nearest.best.score, 2) })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
