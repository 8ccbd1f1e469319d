import { useMemo } from 'react';
import { lastProbs, type Trace } from '../../../core/trace';
import { useI18n } from '../../i18n';
import { LogitFan } from './LogitFan';

/** Chapter 1: what the model outputs is a probability for every token in its vocabulary. */
export function NextTokenFigure(props: { trace: Trace; labelOf: (id: number) => string; width: number }) {
  const { ui, t } = useI18n();
  const probs = useMemo(() => lastProbs(props.trace), [props.trace]);
  return (
    <figure className="figure">
      <figcaption>{ui.probabilityOfNext}</figcaption>
      <LogitFan
        values={probs}
        kind="probs"
        labelOf={props.labelOf}
        width={Math.min(props.width, 560)}
        focusId={null}
        label={ui.probabilityOfNext}
      />
      <p className="hint">{t('barsToLargest', { V: probs.length })}</p>
    </figure>
  );
}
