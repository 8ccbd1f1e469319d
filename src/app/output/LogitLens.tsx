import { useMemo } from 'react';
import { logitLens } from '../../core/lens';
import { probabilityColour, inkOn } from '../../viz/output/sequential';
import { useI18n } from '../i18n';
import { useModel } from '../model/ModelContext';
import type { Stage } from '../../viz/stages';
import { lensRowForStage } from '../../viz/output/lensRow';
import { formatPercent, tokenLabel } from '../../viz/format';
import type { OutputProps } from './common';
import { ByteNote } from '../ByteNote';
import { SideScroll } from '../SideScroll';

const K = 5;

/**
 * What the model would predict if it stopped after each block, at the position the explainer has
 * selected (`position`, a valid one). The row matching the stepper's `stage` is highlighted.
 */
export function LogitLens({
  result,
  position,
  stage,
  onPickPosition,
}: OutputProps & { position: number; stage: Stage; onPickPosition: (position: number) => void }) {
  const { ui, t, labelled } = useI18n();
  const { model, tokenizer } = useModel();
  const rows = useMemo(() => (result.kind === 'ok' ? logitLens(model, result.trace, position, K) : []), [model, result, position]);
  if (result.kind !== 'ok') return null;
  const current = lensRowForStage(stage, model.config.nLayer);
  const rowName = (layer: number) => (layer === 0 ? ui.outLensEmbedding : t('outLensAfterBlock', { l: layer }));
  return (
    <section className="output-figure logit-lens" id="logit-lens" aria-label={ui.outLensTitle}>
      <h3>{ui.outLensTitle}</h3>
      <p className="caption">{t('outLensCaption', { t: position, token: tokenLabel(tokenizer, result.ids[position]) })}</p>
      <label className="inline-field">
        <span>{ui.outLensPositionLabel}</span>
        <select
          value={position}
          onChange={(e) => onPickPosition(Number(e.target.value))}
          className="token-options"
          data-testid="lens-position"
        >
          {result.ids.map((id, p) => (
            <option key={p} value={p}>
              {labelled(String(p), tokenLabel(tokenizer, id))}
            </option>
          ))}
        </select>
      </label>
      <SideScroll stickyStart>
        <table className="output-table lens-table" data-testid="logit-lens">
          <thead>
            <tr>
              <th scope="col">{ui.layer}</th>
              {Array.from({ length: K }, (_, i) => (
                <th scope="col" key={i}>
                  {t('outLensRank', { i: i + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.layer}
                className={row.layer === current ? 'current-layer' : undefined}
                aria-current={row.layer === current ? 'step' : undefined}
              >
                <th scope="row">{rowName(row.layer)}</th>
                {row.top.map(({ id, prob }) => (
                  <td
                    key={id}
                    style={{ background: probabilityColour(prob), color: inkOn(prob) }}
                    title={labelled(tokenLabel(tokenizer, id), formatPercent(prob))}
                  >
                    <span className="lens-token" data-testid="lens-token">
                      {tokenLabel(tokenizer, id)}
                    </span>
                    <span className="lens-prob">{formatPercent(prob)}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </SideScroll>
      <ByteNote
        labels={[
          ...Array.from(result.ids, (id) => tokenLabel(tokenizer, id)),
          ...rows.flatMap((row) => row.top.map(({ id }) => tokenLabel(tokenizer, id))),
        ]}
      />
    </section>
  );
}
