import { useMemo } from 'react';
import { positionRows } from '../../viz/output/positions';
import { probabilityColour, inkOn } from '../../viz/output/sequential';
import { useI18n } from '../i18n';
import type { Tokenizer } from '../../core/tokenizer/index.ts';
import type { Trace } from '../../core/trace';
import { ByteNote } from '../ByteNote';
import { formatPercent, tokenLabel } from '../../viz/format';
import { SideScroll } from '../SideScroll';

/** Every position's prediction, with the probability the model gave the token that really came next. */
export function EveryPosition(props: { trace: Trace; tokenizer: Tokenizer }) {
  const { trace, tokenizer } = props;
  const { ui, t } = useI18n();
  const V = trace.probs.shape[1];
  const rows = useMemo(() => positionRows(trace.probs.data, V, trace.ids), [trace, V]);
  return (
    <div className="every-position">
      <p className="caption">{ui.outEveryPositionCaption}</p>
      <SideScroll>
        <table className="output-table every-position-table" data-testid="every-position">
          <thead>
            <tr>
              <th scope="col">{ui.position}</th>
              <th scope="col">{ui.token}</th>
              <th scope="col">{ui.outTopPrediction}</th>
              <th scope="col">{ui.outActualNext}</th>
              <th scope="col">{ui.outProbOfActual}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.position}>
                <td className="num">{r.position}</td>
                <td>
                  <span className="token-chip">{tokenLabel(tokenizer, r.token)}</span>
                </td>
                <td>
                  <span className="token-chip">{tokenLabel(tokenizer, r.top)}</span> <span className="num">{formatPercent(r.topProb)}</span>
                </td>
                <td>
                  {r.actual === null ? (
                    <span className="muted">{ui.outNoNextToken}</span>
                  ) : (
                    <span className="token-chip actual">{tokenLabel(tokenizer, r.actual)}</span>
                  )}
                </td>
                <td>
                  {r.actualProb !== null && (
                    <span
                      className="prob-cell"
                      data-testid="actual-prob"
                      style={{ background: probabilityColour(r.actualProb), color: inkOn(r.actualProb) }}
                    >
                      {formatPercent(r.actualProb)} · {t('outRankOfActual', { r: r.actualRank ?? 0 })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </SideScroll>
      <ByteNote
        labels={rows.flatMap((r) => [r.token, r.top, ...(r.actual === null ? [] : [r.actual])]).map((id) => tokenLabel(tokenizer, id))}
      />
    </div>
  );
}
