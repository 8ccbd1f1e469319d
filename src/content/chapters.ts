import type { ChapterId, ChapterText, Lang } from './types';
import type { UiStrings } from './en/ui';
import enUi from './en/ui';
import zhUi from './zh/ui';
import enGpt from './en/01-gpt';
import enFlow from './en/02-flow';
import enTokens from './en/03-tokens';
import enEmbedding from './en/04-embedding';
import enAttention from './en/05-attention';
import enMlp from './en/06-mlp';
import enLayers from './en/07-layers';
import enUnembedding from './en/08-unembedding';
import enSoftmax from './en/09-softmax';
import enGeneration from './en/10-generation';
import zhGpt from './zh/01-gpt';
import zhFlow from './zh/02-flow';
import zhTokens from './zh/03-tokens';
import zhEmbedding from './zh/04-embedding';
import zhAttention from './zh/05-attention';
import zhMlp from './zh/06-mlp';
import zhLayers from './zh/07-layers';
import zhUnembedding from './zh/08-unembedding';
import zhSoftmax from './zh/09-softmax';
import zhGeneration from './zh/10-generation';

// Reading order: the data's own path through the model.
export const chapterIds: ChapterId[] = [
  'gpt',
  'flow',
  'tokens',
  'embedding',
  'attention',
  'mlp',
  'layers',
  'unembedding',
  'softmax',
  'generation',
];

const chapters: Record<Lang, Record<ChapterId, ChapterText>> = {
  en: {
    gpt: enGpt,
    flow: enFlow,
    tokens: enTokens,
    embedding: enEmbedding,
    attention: enAttention,
    mlp: enMlp,
    layers: enLayers,
    unembedding: enUnembedding,
    softmax: enSoftmax,
    generation: enGeneration,
  },
  zh: {
    gpt: zhGpt,
    flow: zhFlow,
    tokens: zhTokens,
    embedding: zhEmbedding,
    attention: zhAttention,
    mlp: zhMlp,
    layers: zhLayers,
    unembedding: zhUnembedding,
    softmax: zhSoftmax,
    generation: zhGeneration,
  },
};

const uiStrings: Record<Lang, UiStrings> = { en: enUi, zh: zhUi };

export function getChapter(lang: Lang, id: ChapterId): ChapterText {
  return chapters[lang][id];
}

export function getUi(lang: Lang): UiStrings {
  return uiStrings[lang];
}

export type { UiStrings };
