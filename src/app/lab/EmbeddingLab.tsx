import { useDeferredValue, useMemo } from 'react';
import { useModel } from '../model/ModelContext';
import type { ForwardResult } from '../model/runText';
import { useText } from '../state/text';
import { useI18n } from '../i18n';
import { labWordLabel, useExpression, wholeWords } from './analysis';
import { useExpressionSettings } from './state';
import { ArithmeticSection } from './ArithmeticSection';
import { PictureSection } from './PictureSection';
import { DirectionPanel } from './DirectionPanel';
import { DotProductPanel } from './DotProductPanel';
import { WordDot } from './WordDot';
import { InjectionPanel } from './InjectionPanel';
import { ScaleNote } from './ScaleNote';
import { WeBeforeAfter } from './WeBeforeAfter';
import { FigureBoundary } from '../FigureBoundary';
import './lab.css';

/** Vector arithmetic on the model's own embedding matrix, and a bridge back into its forward pass over the reader's text (`result`). */
export function EmbeddingLab(props: { result: ForwardResult }) {
  const { result } = props;
  const { ui, t } = useI18n();
  const loaded = useModel();
  const [text] = useText();
  const settings = useExpressionSettings();
  // The box follows every key at once; the rankings, the picture and the injected pass catch up a moment later.
  const expression = useDeferredValue(settings.expression);
  const analysis = useExpression(loaded, expression, settings.includeInputs, settings.allTokens);
  const { vocabSize: V, nEmbd: C } = loaded.model.config;
  // Each panel fails on its own, and tries again when the expression or the text changes.
  const fence = (id: string) => ({ id, ui, resetKey: `${expression}\n${text}` });

  const sentenceWords = useMemo(() => {
    const mask = wholeWords(loaded);
    const ids = loaded.tokenizer.encode(text.slice(0, 2000)).filter((id) => mask[id] === 1);
    return [...new Set(ids.map((id) => labWordLabel(loaded, id)))].slice(0, 24);
  }, [loaded, text]);

  return (
    <section className="lab" aria-labelledby="lab-title" data-lab-ready>
      <h2 id="lab-title">{ui.embeddingLab}</h2>
      <p className="lab-intro">{t('labIntro', { V, C })}</p>
      <FigureBoundary {...fence('lab-arithmetic')}>
        <ArithmeticSection loaded={loaded} settings={settings} analysis={analysis} sentenceWords={sentenceWords} />
      </FigureBoundary>
      <FigureBoundary {...fence('lab-picture')}>
        <PictureSection loaded={loaded} analysis={analysis} />
      </FigureBoundary>
      <FigureBoundary {...fence('lab-before-training')}>
        <WeBeforeAfter />
      </FigureBoundary>
      <FigureBoundary {...fence('lab-injection')}>
        <InjectionPanel loaded={loaded} before={result} analysis={analysis} />
      </FigureBoundary>
      <FigureBoundary {...fence('lab-direction')}>
        <DirectionPanel loaded={loaded} allTokens={settings.allTokens} />
      </FigureBoundary>
      <section className="lab-section" aria-label={ui.labDotProduct}>
        <h3>{ui.labDotProduct}</h3>
        <p className="lab-hint">{ui.labDotIntro}</p>
        <FigureBoundary {...fence('lab-dot-product')}>
          <DotProductPanel />
        </FigureBoundary>
        <FigureBoundary {...fence('lab-word-dot')}>
          <WordDot loaded={loaded} />
        </FigureBoundary>
      </section>
      <FigureBoundary {...fence('lab-scale')}>
        <ScaleNote loaded={loaded} />
      </FigureBoundary>
    </section>
  );
}
