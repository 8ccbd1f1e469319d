import { useId, useMemo, useState } from 'react';
import { appendTerm } from '../../core/expression';
import type { AppModel } from '../model/loadModel';
import { sentenceGap, useI18n } from '../i18n';
import type { ExpressionAnalysis } from './analysis';
import { labWordLabel, wholeWords } from './analysis';
import { describeError, describeSplitWord, describeZeroVector, quotedPieces } from './messages';
import { NeighbourList } from './NeighbourList';
import { VectorStrip } from '../explainer/figures/VectorStrip';
import { useWidth } from '../explainer/useWidth';
import { divergingColor, robustMaxAbs } from '../../viz/colors';
import type { ExpressionSettings } from './state';
import { EXAMPLES, LESSON_EXAMPLE } from './examples';
import { lookupWord } from '../../core/words';
import { onRadioGroupKeyDown, radioTabIndex } from '../radioGroup';

const PICKABLE = /^[\p{L}'’][\p{L}\p{M}\p{N}'’]*$/u;

/** A word's pieces as the lab's split message lists them. */
function piecesOf(loaded: AppModel, word: string): string {
  const found = lookupWord(loaded.tokenizer, word);
  return quotedPieces(found.ok ? [found.id] : found.pieceIds, (id) => labWordLabel(loaded, id));
}

/** The expression box, its messages, the result strip and the two rankings. */
export function ArithmeticSection(props: {
  loaded: AppModel;
  settings: ExpressionSettings;
  analysis: ExpressionAnalysis;
  sentenceWords: string[];
}) {
  const { loaded, settings, analysis } = props;
  const { ui, lang, t } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const messagesId = useId();
  const label = (id: number) => labWordLabel(loaded, id);
  // Measured on the section, which is always there, so the strip fits even if it first appears after an error.
  const [sectionRef, stripWidth] = useWidth<HTMLElement>(640);
  const resultVector = analysis.kind === 'ok' ? analysis.vector : null;
  const stripColor = useMemo(() => divergingColor(resultVector ? robustMaxAbs(resultVector) : 1), [resultVector]);
  const [clickSign, setClickSign] = useState<1 | -1>(1);
  // A chip or a clicked word is a step of its own, so Back brings the expression before it back; typing replaces.
  const add = (word: string) => PICKABLE.test(word) && settings.setExpression(appendTerm(settings.expression, word, clickSign), 'push');
  const inputIds = analysis.kind === 'ok' ? analysis.inputIds : [];
  const wholeCount = wholeWords(loaded).reduce((s, x) => s + x, 0);
  // Per model, not per keystroke in the expression box.
  const lessonPieces = useMemo(() => LESSON_EXAMPLE.names.map((name) => piecesOf(loaded, name)), [loaded]);
  return (
    <section className="lab-section" ref={sectionRef}>
      <label htmlFor={inputId} className="lab-label">
        {ui.labExpressionLabel}
      </label>
      <input
        id={inputId}
        className="lab-expression"
        type="text"
        value={settings.expression}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        // What is wrong with the expression first, then how to write one.
        aria-describedby={`${messagesId} ${hintId}`}
        aria-invalid={analysis.kind === 'syntax' || analysis.kind === 'split'}
        onChange={(e) => settings.setExpression(e.target.value)}
      />
      <p id={hintId} className="lab-hint">
        {ui.labExpressionHint}
      </p>
      <div className="lab-chips" role="group" aria-label={ui.labExamples}>
        <span className="lab-chips-title">
          {ui.labExamples}
          {ui.colon}
        </span>
        {EXAMPLES.map(({ expression }) => (
          <button key={expression} type="button" className="lab-chip" onClick={() => settings.setExpression(expression, 'push')}>
            {expression}
          </button>
        ))}
      </div>
      <p className="lab-hint">{ui.labExamplesNote}</p>
      <p className="lab-hint" data-testid="lab-lesson-example">
        {t('labLessonExample', { a: lessonPieces[0], b: lessonPieces[1] })}{' '}
        <button type="button" className="lab-chip" onClick={() => settings.setExpression(LESSON_EXAMPLE.expression, 'push')}>
          {ui.labLessonExampleTry}
        </button>
      </p>
      <div className="lab-toggles" role="radiogroup" aria-label={ui.labClickSign} onKeyDown={onRadioGroupKeyDown}>
        <span>
          {ui.labClickSign}
          {ui.colon}
        </span>
        {([1, -1] as const).map((sign) => (
          <button
            key={sign}
            type="button"
            role="radio"
            aria-checked={clickSign === sign}
            tabIndex={radioTabIndex(clickSign === sign)}
            onClick={() => setClickSign(sign)}
          >
            {sign === 1 ? ui.labClickAdd : ui.labClickSubtract}
          </button>
        ))}
      </div>
      {props.sentenceWords.length > 0 && (
        <div className="lab-chips" role="group" aria-label={ui.labSentenceWords}>
          <span className="lab-chips-title">{ui.labSentenceWords}</span>
          {props.sentenceWords.map((w) => (
            <button key={w} type="button" className="lab-chip" aria-label={t('labAddWord', { word: w })} onClick={() => add(w)}>
              {w}
            </button>
          ))}
        </div>
      )}
      <div role="status" aria-live="polite" className="lab-messages" id={messagesId}>
        {analysis.kind === 'syntax' && (
          <p className="notice warn lab-error" data-testid="lab-error">
            {describeError(analysis.error, ui, lang)}
          </p>
        )}
        {analysis.kind === 'split' &&
          analysis.unresolved.map((u) => (
            <p key={u.start} className="notice warn lab-error" data-testid="lab-error">
              {describeSplitWord(u, label, ui, lang)}
            </p>
          ))}
        {analysis.kind === 'zero' && (
          <p className="notice warn lab-error" data-testid="lab-error">
            {describeZeroVector(analysis, ui)}
          </p>
        )}
        {(analysis.kind === 'ok' || analysis.kind === 'zero') &&
          analysis.terms
            .filter((term) => term.recased)
            .map((term) => (
              <p key={term.start} className="notice">
                {t('labRecased', { word: term.word, form: term.form })}
              </p>
            ))}
      </div>
      {analysis.kind === 'ok' && (
        <>
          <VectorStrip
            vector={analysis.vector}
            color={stripColor}
            width={stripWidth}
            rowLabel="v"
            caption={t('labResultVector', { C: analysis.vector.length })}
            describe={(i) => t('labComponent', { i })}
            testId="lab-result-strip"
          />
          <div className="lab-toggles">
            <label>
              <input type="checkbox" checked={settings.includeInputs} onChange={(e) => settings.setIncludeInputs(e.target.checked)} />
              {ui.labIncludeInputs}
            </label>
            <label>
              <input type="checkbox" checked={!settings.allTokens} onChange={(e) => settings.setAllTokens(!e.target.checked)} />
              {ui.labWholeWordsOnly}
            </label>
          </div>
          <p className="lab-hint">
            {ui.labExcludeExplain}
            {sentenceGap(lang)}
            {t('labWholeWordsExplain', { n: wholeCount, V: loaded.model.config.vocabSize })}
          </p>
          <div className="lab-rankings">
            <NeighbourList
              className="lab-cosine"
              title={ui.labNearestCosine}
              neighbours={analysis.cosine}
              label={label}
              inputIds={inputIds}
              onPick={add}
            />
            <NeighbourList
              className="lab-dot"
              title={ui.labNearestDot}
              neighbours={analysis.dot}
              label={label}
              inputIds={inputIds}
              onPick={add}
            />
          </div>
          <p className="lab-hint">{ui.labDotExplain}</p>
        </>
      )}
    </section>
  );
}
