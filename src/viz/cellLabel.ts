import type { UiStrings } from '../content/en/ui';
import type { Stage } from './stages';
import type { Focus } from './substitute';

// What a hovered cell is, in words: "Layer norm 1 · Layer 2 · token 3 ‘␣king’ · channel 17", the stage named as the
// stepper names it, in the reader's language, with the language's own quotation marks.

export interface LabelContext {
  ui: UiStrings;
  /** A UI string in the reader's language with its {placeholders} filled: the page's I18n `t`. */
  t: (key: keyof UiStrings, values?: Record<string, string | number>) => string;
  labels: readonly string[]; // each position's token, as tokenLabel shows it
  labelOf: (id: number) => string; // any vocabulary id's label
  head: number;
}

export function cellLabel(stage: Stage, focus: Focus, ctx: LabelContext): string {
  const { ui, t, labels } = ctx;
  const quote = (label: string) => t('quoted', { text: label });
  // The first stage's value is the token's id: "token 5 ‘␣queen’ = 7934" says it all, without "Tokens ·" before it.
  const parts: string[] = stage.kind === 'tokens' ? [] : [ui[stage.label]];
  if (stage.layer !== null) parts.push(t('layerN', { l: stage.layer + 1 }));
  if (stage.perHead) parts.push(t('headN', { h: ctx.head + 1 }));
  const tokenPart = (key: 'tokenN' | 'queryTokenN' | 'keyTokenN', i: number) => `${t(key, { i: String(i) })} ${quote(labels[i] ?? '')}`;
  switch (stage.kind) {
    case 'tokens':
      parts.push(tokenPart('tokenN', focus.row));
      break;
    case 'scores':
    case 'masked':
    case 'weights':
      parts.push(tokenPart('queryTokenN', focus.row), tokenPart('keyTokenN', focus.col));
      break;
    case 'logits':
    case 'probs':
      parts.push(`${t('tokenIdN', { i: String(focus.col) })} ${quote(ctx.labelOf(focus.col))}`);
      break;
    case 'fc':
    case 'gelu':
      parts.push(tokenPart('tokenN', focus.row), t('neuronN', { i: String(focus.col) }));
      break;
    default:
      parts.push(tokenPart('tokenN', focus.row), t('channelN', { i: String(focus.col) }));
  }
  return parts.join(' · ');
}
