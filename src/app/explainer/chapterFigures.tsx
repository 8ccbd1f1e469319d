import type { ComponentType } from 'react';
import type { GPTConfig } from '../../core/config';
import type { ChapterId } from '../../content/types';
import type { StageKind } from '../../viz/stages';
import type { AppModel } from '../model/loadModel';
import type { ForwardResult } from '../model/runText';
import type { Selection, SelectionActions } from './useSelection';
import { LessonLink } from './LessonLink';
import { NextTokenFigure } from './figures/NextTokenFigure';
import { FlowFigure } from './figures/FlowFigure';
import { TokensFigure } from './figures/TokensFigure';
import { EmbeddingFigure } from './figures/EmbeddingFigure';
import { AttentionFigure } from './figures/AttentionFigure';
import { MlpFigure } from './figures/MlpFigure';
import { LayersFigure } from './figures/LayersFigure';
import { ContextPairFigure } from './figures/ContextPairFigure';
import { GenerationPanel, LogitsFigure, SoftmaxFigure } from '../lazyParts';

/** Everything the explainer knows about the reader's text: each figure takes what it needs. */
export interface ChapterFigureProps {
  loaded: AppModel;
  result: Extract<ForwardResult, { kind: 'ok' }>;
  selection: Selection;
  actions: SelectionActions;
  /** One label per token of the text, and the label of any token id. */
  labels: string[];
  labelOf: (id: number) => string;
  /** What the model reads: the reader's text less any tokens cut from the start to fit the context. */
  seenText: string;
  width: number;
  onOpenLab: () => void;
  /** Opens the stepper at a stage, in the layer on screen. */
  goTo: (kind: StageKind) => void;
}

/** What a figure can draw while the text box is empty. */
export interface WaitingFigureProps {
  config: GPTConfig;
  width: number;
  /** Without text there is no stage to go to: figures that lead to the stepper lead to the text box instead. */
  onGo: () => void;
}

export interface ChapterFigures {
  /** The live figure on the reader's text. */
  Figure: ComponentType<ChapterFigureProps>;
  /** Drawn while the text box is empty; without it, the chapter says its figure waits for text. */
  WithoutText?: ComponentType<WaitingFigureProps>;
  /** Drawn under the figure with or without text; it reads the model from the model context if it needs it. */
  After?: ComponentType;
}

// Each chapter's figure, by the id declared in src/content/chapters.ts. A Record, so a chapter added
// there without a figure here is a compile error.
export const chapterFigures: Record<ChapterId, ChapterFigures> = {
  gpt: {
    Figure: (p) => <NextTokenFigure trace={p.result.trace} labelOf={p.labelOf} width={p.width} />,
    After: LessonLink,
  },
  flow: {
    Figure: (p) => <FlowFigure width={p.width} nLayer={p.loaded.model.config.nLayer} current={p.selection.stage} onGo={(k) => p.goTo(k)} />,
    // The overview diagram needs no text, so it stays.
    WithoutText: (p) => <FlowFigure width={p.width} nLayer={p.config.nLayer} current={null} onGo={p.onGo} />,
  },
  tokens: {
    Figure: (p) => (
      <TokensFigure
        seenText={p.seenText}
        ids={p.result.ids}
        texts={p.result.tokens}
        labels={p.labels}
        totalTokens={p.result.totalTokens}
        vocabSize={p.loaded.model.config.vocabSize}
        tok={p.selection.tok}
        onPick={p.actions.setTok}
        width={p.width}
      />
    ),
  },
  embedding: {
    Figure: (p) => (
      <EmbeddingFigure
        trace={p.result.trace}
        wte={p.loaded.model.params.wte}
        labels={p.labels}
        labelOf={p.labelOf}
        tok={p.selection.tok}
        width={p.width}
        onOpenLab={p.onOpenLab}
      />
    ),
  },
  attention: {
    Figure: (p) => (
      <AttentionFigure
        trace={p.result.trace}
        labels={p.labels}
        tok={p.selection.tok}
        layer={p.selection.layer}
        head={p.selection.head}
        setLayer={p.actions.setLayer}
        setHead={p.actions.setHead}
        setTok={p.actions.setTok}
        width={p.width}
      />
    ),
    // The lesson's “context changes the prediction”, on two fixed prompts: it needs no text.
    After: ContextPairFigure,
  },
  mlp: {
    Figure: (p) => (
      <MlpFigure
        model={p.loaded.model}
        tokenizer={p.loaded.tokenizer}
        trace={p.result.trace}
        labels={p.labels}
        tok={p.selection.tok}
        layer={p.selection.layer}
        setLayer={p.actions.setLayer}
        width={p.width}
      />
    ),
  },
  layers: {
    Figure: (p) => <LayersFigure trace={p.result.trace} labels={p.labels} tok={p.selection.tok} width={p.width} />,
  },
  unembedding: {
    Figure: (p) => <LogitsFigure result={p.result} />,
  },
  softmax: {
    Figure: (p) => <SoftmaxFigure result={p.result} />,
  },
  generation: {
    Figure: (p) => <GenerationPanel result={p.result} />,
  },
};
