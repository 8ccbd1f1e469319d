import { useMemo } from 'react';
import type { AppModel } from '../model/loadModel';
import type { ForwardResult } from '../model/runText';
import { useRerun } from '../model/usePass';
import { lastProbs } from '../../core/trace';
import { probabilityShifts } from '../../core/probabilityShift';
import { ShiftTable } from '../ShiftTable';
import { formatTerms } from '../../core/expression';
import { useI18n } from '../i18n';
import type { ExpressionAnalysis } from './analysis';
import { defaultPosition, labWordLabel } from './analysis';
import { tokenLabel as anyTokenLabel } from '../../viz/format';
import { useInjectPosition } from './state';
import { onRadioGroupKeyDown, radioTabIndex } from '../radioGroup';
import { writeParams } from '../state/url';
import { INJECTION_EXAMPLE, INJECTION_ROWS_PER_LIST } from './examples';

/** Replace one token's embedding with the result vector and compare the next-token distributions. */
export function InjectionPanel(props: { loaded: AppModel; before: ForwardResult; analysis: ExpressionAnalysis }) {
  const { loaded, before, analysis } = props;
  const { ui, t } = useI18n();
  // Choosing where to inject is a step of its own, as picking a token is: Back undoes it.
  const [inject, setInject] = useInjectPosition();
  const ids = before.kind === 'ok' ? before.ids : [];
  const vector = analysis.kind === 'ok' ? analysis.vector : null;
  const chosen = inject === null ? defaultPosition(ids, analysis.kind === 'ok' ? analysis.inputIds : []) : inject;
  const position = chosen < ids.length ? chosen : ids.length - 1;
  const on = vector !== null && ids.length > 0 && inject !== -1;
  // The injected pass runs only while injection is on.
  const options = useMemo(
    () => (on ? { logitRows: 'last' as const, embeddingOverrides: [{ position, vector }] } : null),
    [on, position, vector],
  );
  const after = useRerun(loaded.model, before, options);
  const shifts = useMemo(() => {
    if (!on || before.kind !== 'ok' || after === null) return [];
    return probabilityShifts(lastProbs(before.trace), lastProbs(after), INJECTION_ROWS_PER_LIST);
  }, [on, before, after]);

  const expression =
    analysis.kind === 'ok' ? formatTerms(analysis.terms.map((term) => ({ word: term.form, coefficient: term.coefficient }))) : '';
  return (
    <section className="lab-section lab-injection" aria-label={ui.labInjection}>
      <h3>{ui.labInjection}</h3>
      <p className="lab-hint">{ui.labInjectIntro}</p>
      {before.kind === 'ok' && before.text !== INJECTION_EXAMPLE.text && (
        <p className="lab-hint" data-testid="inject-example">
          {t('labInjectExample', { text: t('quoted', { text: INJECTION_EXAMPLE.text }), expr: INJECTION_EXAMPLE.expression })}{' '}
          <button
            type="button"
            // A new history entry, so the browser's Back button brings the reader's own sentence back.
            onClick={() =>
              writeParams({ text: INJECTION_EXAMPLE.text, 'lab.expr': INJECTION_EXAMPLE.expression, 'lab.inject': null }, 'push')
            }
          >
            {ui.labInjectUseExample}
          </button>
        </p>
      )}
      {ids.length === 0 && <p className="notice">{ui.labNoSentence}</p>}
      {ids.length > 0 && vector === null && <p className="notice">{ui.labNoResult}</p>}
      {ids.length > 0 && vector !== null && (
        <>
          <div className="lab-chips lab-positions" role="radiogroup" aria-label={ui.labInjectPosition} onKeyDown={onRadioGroupKeyDown}>
            <span className="lab-chips-title">
              {ui.labInjectPosition}
              {ui.colon}
            </span>
            {ids.map((id, i) => (
              <button
                key={i}
                type="button"
                role="radio"
                aria-checked={on && i === position}
                tabIndex={radioTabIndex(on && i === position)}
                className="lab-chip token-chip"
                onClick={() => setInject(i, 'push')}
              >
                {labWordLabel(loaded, id)}
              </button>
            ))}
            <button
              type="button"
              role="radio"
              aria-checked={!on}
              tabIndex={radioTabIndex(!on)}
              aria-label={ui.labInjectOff}
              title={ui.labInjectOff}
              className="lab-chip"
              onClick={() => setInject(-1, 'push')}
            >
              <span aria-hidden="true">✕</span>
            </button>
          </div>
          {on && (
            <p className="notice">{t('labInjectNote', { pos: position, token: labWordLabel(loaded, ids[position]), expr: expression })}</p>
          )}
          {on && shifts.length > 0 && (
            <ShiftTable
              rows={shifts}
              label={(id) => anyTokenLabel(loaded.tokenizer, id)}
              headers={{ token: ui.token, before: ui.labBefore, after: ui.labAfter, change: ui.labChange }}
            />
          )}
        </>
      )}
    </section>
  );
}
