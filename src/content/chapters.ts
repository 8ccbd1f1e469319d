import type { ChapterText, Lang } from './types';
import type { StageKind } from '../viz/stages';
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

/** One chapter: declared once here, in reading order, and rendered from this table by the explainer. */
interface ChapterEntry {
  id: string;
  /** The stepper stage the chapter's "step here" button opens (in the layer on screen); null for no button. */
  stage: StageKind | null;
  /** The prose, one file per language. */
  text: Record<Lang, ChapterText>;
}

// Reading order: the data's own path through the model. Each chapter's live figure is declared in
// src/app/explainer/chapterFigures.tsx, which the compiler makes name one for every id here; the table
// itself stays free of React so Node tests and scripts can read it.
export const chapters = [
  { id: 'gpt', stage: null, text: { en: enGpt, zh: zhGpt } },
  { id: 'flow', stage: null, text: { en: enFlow, zh: zhFlow } },
  { id: 'tokens', stage: 'tokens', text: { en: enTokens, zh: zhTokens } },
  { id: 'embedding', stage: 'tokEmb', text: { en: enEmbedding, zh: zhEmbedding } },
  { id: 'attention', stage: 'q', text: { en: enAttention, zh: zhAttention } },
  { id: 'mlp', stage: 'fc', text: { en: enMlp, zh: zhMlp } },
  { id: 'layers', stage: 'resid2', text: { en: enLayers, zh: zhLayers } },
  { id: 'unembedding', stage: 'logits', text: { en: enUnembedding, zh: zhUnembedding } },
  { id: 'softmax', stage: 'probs', text: { en: enSoftmax, zh: zhSoftmax } },
  { id: 'generation', stage: null, text: { en: enGeneration, zh: zhGeneration } },
] as const satisfies readonly ChapterEntry[];

export type ChapterId = (typeof chapters)[number]['id'];

export const chapterIds: readonly ChapterId[] = chapters.map((c) => c.id);

const chapterById = new Map<ChapterId, ChapterEntry>(chapters.map((c) => [c.id, c]));

const uiStrings: Record<Lang, UiStrings> = { en: enUi, zh: zhUi };

export function getChapter(lang: Lang, id: ChapterId): ChapterText {
  return chapterById.get(id)!.text[lang];
}

export function getUi(lang: Lang): UiStrings {
  return uiStrings[lang];
}

export type { UiStrings };
