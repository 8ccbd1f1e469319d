import type { Strings } from '../../types';

// The chapters' live figures, chapters 1-7 (src/app/explainer/figures).
const figures = {
  // Chapter 1: the next-token prediction
  probabilityOfNext: 'Probability of each possible next token',
  barsToLargest:
    'The longest bar is the most likely token, whatever its probability; the percentages are the probabilities themselves, and all {V} of them add up to 100%.',
  // Chapter 2: the flow diagram
  flowDiagram: 'The forward pass, box by box',
  flowText: 'Text',
  flowTokens: 'Tokens',
  flowVectors: 'Vectors',
  flowAttention: 'Attention',
  flowMlp: 'MLP',
  flowLastVector: 'Last vector',
  flowLogits: 'Logits',
  flowProbs: 'Probabilities',
  flowLoop: '× {n} layers',
  flowHint: 'Click a box to jump the stepper to that stage.',
  // Chapter 3: tokens
  ourTokens: 'Our tokens',
  gpt2Tokens: 'GPT-2’s tokens',
  loadedTokens: 'The tokens of {name}',
  tinyTokens: 'The tiny model’s tokens',
  tokenCount: '{n} tokens',
  ourVocab: 'Our vocabulary: {n} tokens',
  loadedVocab: 'its vocabulary: {n} tokens',
  tinyVocab: 'the tiny model’s vocabulary: {n} tokens',
  gpt2Vocab: 'GPT-2/GPT-3 vocabulary: {n} tokens',
  wholeWord: 'whole word',
  wordPiece: 'word piece',
  loadingGpt2: 'Loading GPT-2’s tokenizer…',
  gpt2LoadFailed: 'GPT-2’s tokenizer could not be loaded, so the two splits cannot be compared here.',
  tokensSameText: 'Both rows split the same text: the part the model reads (the last {n} of {total} tokens).',
  // Chapter 4: embedding
  tokenVector: 'Token vector e: row id of W_e (wte in the code; column id in the lesson’s picture)',
  positionVector: 'Position vector p (row of W_p)',
  sumVector: 'Sum x = e + p (enters block 1)',
  dotExample: 'Dot product of two of your tokens’ vectors',
  otherToken: 'Compare with',
  embeddingMatrixCaption:
    'All of W_e, as our code stores it (wte): {V} rows, one per token, by {C} columns. The lesson draws the same matrix turned on its side, one column per token. At this size each line of pixels is one row of every {every}; the rows your tokens look up are drawn exactly and ticked on the right.',
  embeddingMatrixCell: 'W_e[{id}, {c}] = {value}  (row of “{token}”)',
  embeddingMatrixHint:
    'Hover over or tap the matrix to read any value, or Tab to it and read cell by cell with the arrow keys; the long tick is the selected token’s row.',
  vocabColumnsSampled:
    'Too many columns to give each a pixel: 1 in {k} of the {n} is drawn, columns {shown}, so that every pixel is one real value. Hover or tap reads the value under it and names its column.',
  embeddingLabLink: 'Try vector arithmetic on W_e in the embedding lab',
  // Chapter 5: attention, and two prompts side by side
  attentionHeads: 'Every head of this layer (row = the token looking, column = the token looked at)',
  attentionPooled:
    '{T} tokens are too many for a cell each: each cell here is a block of {k} × {k} token pairs and shows the strongest weight in it, so no strong weight drops out of the picture. Hover or tap names that pair and reads its exact weight.',
  attentionCell: 'Head {h}: “{query}” gives “{key}” weight {w}.',
  attentionCellMasked: 'Head {h}: “{query}” may not look at the later “{key}”: weight {w} (masked).',
  attentionCellHint: 'Hover or tab to a map to read a weight; click a row to follow that token in the lines below.',
  attentionCellHintTouch: 'Tap a cell to read its weight and the two tokens it joins; the lines below then follow that row’s token.',
  attentionLines: 'Where the selected token looks (line thickness = weight)',
  attentionLinesListed:
    '{T} tokens are too many to list: both columns show only the selected token and the tokens it gives at least 1% (its {n} strongest at most), each with its position in the text, counted from 0.',
  pairTitle: 'Context changes the prediction: two prompts side by side',
  pairCaption:
    'Two forward passes of the model, one per prompt, run in your browser apart from your text. Each column lists the {k} most likely next tokens; both columns’ bars share one scale, and {a} and {b} are marked in both.',
  pairFlips:
    'After “{cueA}”, {a} is the more likely of the two ({pa} against {pb}); after “{cueB}”, {b} is ({qb} against {qa}). The prompts end with the same words, yet the order flips.',
  pairNoFlip: 'On the model loaded here, these two prompts do not flip the order of {a} and {b}: this pair shows no effect.',
  pairColumn: 'Next tokens after “{prompt}”',
  pairRank: 'no. {n}',
  pairOpen: 'Open this prompt',
  pairOpenTitle: 'Put “{prompt}” in the text box; the figures on the page follow it.',
  pairOpened: 'In the text box',
  // Chapter 6: the MLP and one neuron
  topNeurons: 'Neurons that fire most for the selected token (after GELU)',
  allNeurons: 'All {n} neurons of this layer for the selected token',
  geluCurveCaption:
    'GELU, with a dot for each of the layer’s neurons at the selected token: its value before GELU across, after GELU up. Most dots sit left of zero, where GELU lets almost nothing through.',
  neuronPickLabel: 'Read neuron number',
  neuronOutOfRange: 'Type a whole number from 0 to {max}. The readings below are still neuron {shown}’s.',
  neuronWritesUp: 'Writes: pushes up',
  neuronWritesDown: 'Writes: pushes down',
  neuronReads: 'Reads: tokens whose own embedding excites it most',
  neuronFiresAt: 'Fires most in your text at',
  neuronFiresAtItem: 'position {pos} {token} ({value})',
  neuronCrudeNote:
    'These are crude one-step readings. “Writes” follows the neuron’s output column straight to ln_f and W_u, as if nothing came after it; “reads” feeds it each token’s W_e row alone, as if nothing came before. The numbers in brackets are logit changes per unit of activation. Later layers can undo what a neuron writes, and what it reads is usually a mix.',
  // Chapter 7: the residual stream through the layers
  residualStream: 'The selected token’s vector in the residual stream, after each step',
  vectorSize: 'Length |x|',
  afterEmbedding: 'Embedding x₀',
  afterAttention: 'After attention {l}',
  afterMlp: 'After MLP {l}',
  layerNormBefore: 'Before layer norm (the stream)',
  layerNormAfter: 'After layer norm (what the step reads)',
};

export type FigureStrings = Strings<typeof figures>;

export default figures as FigureStrings;
