import { useMemo } from 'react';
import { lastProbs, type Trace } from '../../../core/trace';
import { t, type Lang, type UiStrings } from '../../i18n';
import { LogitFan } from './LogitFan';

/** Chapter 1: what the model outputs is a probability for every token in its vocabulary. */
export function NextTokenFigure(props: { trace: Trace; labelOf: (id: number) => string; width: number; ui: UiStrings; lang: Lang }) {
  const probs = useMemo(() => lastProbs(props.trace), [props.trace]);
  return (
    <figure className="figure">
      <figcaption>{props.ui.probabilityOfNext}</figcaption>
      <LogitFan
        values={probs}
        kind="probs"
        labelOf={props.labelOf}
        width={Math.min(props.width, 560)}
        focusId={null}
        label={props.ui.probabilityOfNext}
        ui={props.ui}
      />
      <p className="hint">{t(props.ui, 'barsToLargest', props.lang, { V: probs.length })}</p>
    </figure>
  );
}
