import { lastProbs, type Trace } from '../../../core/trace';
import type { UiStrings } from '../../i18n';
import { LogitFan } from './LogitFan';

/** Chapter 1: what the model outputs is a probability for every token in its vocabulary. */
export function NextTokenFigure(props: { trace: Trace; tokenText: (id: number) => string; width: number; ui: UiStrings }) {
  return (
    <figure className="figure">
      <figcaption>{props.ui.probabilityOfNext}</figcaption>
      <LogitFan values={lastProbs(props.trace)} kind="probs" tokenText={props.tokenText} width={Math.min(props.width, 560)} focusId={null} onHover={() => {}} label={props.ui.probabilityOfNext} />
    </figure>
  );
}
