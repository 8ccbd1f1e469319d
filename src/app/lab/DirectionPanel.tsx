import { useId, useMemo } from 'react';
import type { AppModel } from '../model/loadModel';
import { DIRECTION_ENDS, directionEnds, moveAlong, MAX_STEPS, projectRows } from '../../core/direction';
import { unitDirection } from '../../core/projection';
import { resolveWord } from '../../core/wordTerms';
import { norm } from '../../core/vec';
import { nearestRows } from '../../core/analogy';
import { fmt } from '../../viz/format';
import { useI18n } from '../i18n';
import { candidateFilter, NEIGHBOURS, labWordLabel, wordId } from './analysis';
import { describeSplitWord } from './messages';
import { NeighbourList } from './NeighbourList';
import { PairInput } from './PairInput';
import { pairRows } from './PictureSection';
import { ALPHA_STEPS, useDirectionSettings } from './state';

/** A direction such as woman − man: both ends of the vocabulary along it, and a word slid along it. */
export function DirectionPanel(props: { loaded: AppModel; allTokens: boolean }) {
  const { loaded, allTokens } = props;
  const { ui, lang, t } = useI18n();
  const settings = useDirectionSettings();
  const sliderId = useId();
  const wordInputId = useId();
  const wte = loaded.model.params.wte;
  const pair = useMemo(() => pairRows(loaded, settings.direction, ui, lang, ui.labDirectionSame), [loaded, settings.direction, ui, lang]);
  const rows = 'rows' in pair ? pair.rows : null;
  const candidate = useMemo(() => candidateFilter(loaded, allTokens), [loaded, allTokens]);

  const direction = useMemo(() => {
    if (!rows) return null;
    const unit = unitDirection(rows[0], rows[1]);
    if (!unit) return null;
    const ends = directionEnds(projectRows(wte, unit), DIRECTION_ENDS, candidate);
    const length = norm(Float64Array.from(rows[1], (x, c) => x - rows[0][c]));
    return { unit, ends, length };
  }, [rows, candidate, wte]);

  const moveWord = settings.moveWord.trim();
  // An empty box would resolve to the space token; it is a missing word instead.
  const moveId = moveWord === '' ? null : wordId(loaded, moveWord);
  const moveProblem = moveId === null && moveWord !== '' ? resolveWord(loaded.tokenizer, moveWord) : null;
  const alpha = (settings.alphaTenths / 10) * (direction?.length ?? 0);
  const moved = useMemo(() => {
    if (!direction || moveId === null) return null;
    const C = wte.shape[1];
    const vector = moveAlong(wte.data.subarray(moveId * C, (moveId + 1) * C), direction.unit, alpha, MAX_STEPS * direction.length);
    return nearestRows(wte, vector, { k: NEIGHBOURS, candidate });
  }, [direction, moveId, alpha, candidate, wte]);

  const label = (id: number) => labWordLabel(loaded, id);
  const [from, to] = settings.direction;
  return (
    <section className="lab-section lab-directions" aria-label={ui.labDirections}>
      <h3>{ui.labDirections}</h3>
      <p className="lab-hint">{ui.labDirectionIntro}</p>
      <PairInput label={ui.labDirections} hideLegend pair={settings.direction} onChange={settings.setDirection} />
      {'problems' in pair &&
        pair.problems.map((p) => (
          <p key={p} className="notice warn">
            {p}
          </p>
        ))}
      {direction && (
        <>
          <div className="lab-rankings">
            {[
              { word: from, list: direction.ends.low },
              { word: to, list: direction.ends.high },
            ].map(({ word, list }) => (
              <NeighbourList
                key={word}
                title={t('labTowards', { word })}
                neighbours={list.map((r) => ({ id: r.index, score: r.value }))}
                label={label}
                inputIds={[]}
              />
            ))}
          </div>
          <div className="lab-move">
            <label htmlFor={wordInputId}>{ui.labMoveWord}</label>
            <input
              id={wordInputId}
              type="text"
              value={settings.moveWord}
              spellCheck={false}
              autoCapitalize="off"
              onChange={(e) => settings.setMoveWord(e.target.value)}
            />
            <label htmlFor={sliderId}>{ui.labAlpha}</label>
            <input
              id={sliderId}
              type="range"
              min={-ALPHA_STEPS}
              max={ALPHA_STEPS}
              step={1}
              value={settings.alphaTenths}
              aria-valuetext={(settings.alphaTenths / 10).toFixed(1)}
              onChange={(e) => settings.setAlphaTenths(Number(e.target.value))}
            />
            <span className="num">{(settings.alphaTenths / 10).toFixed(1)}</span>
          </div>
          {moveWord === '' && <p className="notice warn">{ui.labErrEmptyWord}</p>}
          {moveProblem && !moveProblem.ok && <p className="notice warn">{describeSplitWord(moveProblem, label, ui, lang)}</p>}
          {moved && (
            <>
              <p className="lab-hint">
                {t('labMoveExplain', {
                  word: moveWord,
                  from,
                  to,
                  s: (settings.alphaTenths / 10).toFixed(1),
                  len: fmt(direction.length, 3),
                })}
              </p>
              <NeighbourList title={ui.labMovedNearest} neighbours={moved} label={label} inputIds={moveId === null ? [] : [moveId]} />
            </>
          )}
        </>
      )}
    </section>
  );
}
