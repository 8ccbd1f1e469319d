import type { Strings } from '../../types';

// The chapters and the stepper (src/app/explainer; its figures are in figures.ts).
const explainer = {
  // Chapters
  chapters: 'Chapters',
  chapterN: 'Chapter {i}',
  tryThis: 'Try this',
  stepHere: 'Step through this part',
  lessonLink: '3Blue1Brown’s lesson on GPT: the video and its page (in English, opens a new tab)',
  figureNeedsText: 'This figure is computed from your text: type something in the box above.',
  otherModelChapters:
    'With {name} open, every figure and every number filled into the chapters comes from {name}. The sentences about how our own model was made (its training text, its vocabulary, its W_e before training) still describe the tiny model.',
  // The stepper
  stepThrough: 'Step through a forward pass',
  stepperBack: 'Back to where you were',
  stepperHint: 'Click this panel, then ← and → step, space plays or pauses.',
  stepperHintTouch: 'Tap a stage on the bar or drag the slider to jump there; ▶ plays the stages in turn.',
  previous: 'Previous',
  next: 'Next',
  play: 'Play',
  pause: 'Pause',
  speed: 'Speed',
  stage: 'Stage',
  stageOf: 'Stage {i} of {n}',
  selectedToken: 'Selected token',
  formulaGeneral: 'What this step computes',
  formulaNumbers: 'With your numbers',
  countingNote: 'Layers and heads are counted from 1; tokens, positions and neurons from 0, as the code counts them.',
  hoverHint: 'Hover or tap a cell to read its exact value.',
  heatmapKeys: 'The arrow keys read one cell at a time; Home and End go to the ends of a row.',
  softmaxShift:
    'With your numbers, the largest logit z_max is first subtracted from every logit. That divides the top and the bottom of the fraction by the same number, so the probabilities do not change, but e to the power of a large logit can no longer overflow. The code computes softmax this way.',
  // The stepper's logit lens
  stepperLensTitle: 'Logit lens',
  stepperLensIntro:
    'A look ahead to chapter 8: apply the model’s last steps (the final layer norm, W_u, softmax) to the residual stream now, as if the model stopped here.',
  stepperLens: 'Reading the stream {where}, token {t} would predict:',
  stepperLensEmbedding: 'at the embedding x₀ (no layer has added to it yet)',
  stepperLensAfterAttention: 'after layer {l}’s attention (its MLP has not added to it yet)',
  stepperLensAfterLayer: 'after layer {l}',
  stepperLensFinal: 'after the last layer (the model’s real prediction)',
  stepperLensMore: 'the lens at every layer ↓',
  // Stages, in the order of the forward pass
  stageTokens: 'Tokens',
  stageTokEmb: 'Token embedding',
  stagePosEmb: 'Position embedding',
  stageX0: 'Sum e + p',
  stageLn1: 'Layer norm 1',
  stageQ: 'Queries Q',
  stageK: 'Keys K',
  stageV: 'Values V',
  stageScores: 'Scores',
  stageMasked: 'Causal mask',
  stageWeights: 'Softmax weights',
  stageAttnOut: 'Weighted sum',
  stageAttnProj: 'Output projection',
  stageResid1: 'Residual 1',
  stageLn2: 'Layer norm 2',
  stageFc: 'MLP up',
  stageGelu: 'GELU',
  stageMlpProj: 'MLP down',
  stageResid2: 'Residual 2',
  stageLnF: 'Final layer norm',
  stageLogits: 'Logits',
  stageProbs: 'Probabilities',
  // A stage's figure
  scrollForRest: 'Scroll sideways to see the rest →',
  sampledColumns: 'Too many to draw one by one: 1 in {k} of the {n} numbers is drawn, columns {shown}. Hover or tap reads any of the {n}.',
  colorSigned: 'Red = positive, blue = negative, white = 0',
  colorMasked: 'grey = −∞, a later token this one may not look at',
  colorProb: 'Darker green = larger weight',
  masked: 'masked (−∞)',
  lastPosition: 'Only the last position’s vector predicts the next token.',
  // Pickers and cell labels
  layerN: 'Layer {l}',
  headN: 'Head {h}',
  neuronN: 'Neuron {i}',
  channelN: 'channel {i}',
  tokenN: 'token {i}',
  queryTokenN: 'query token {i}',
  keyTokenN: 'key token {i}',
  tokenIdN: 'token id {i}',
};

export type ExplainerStrings = Strings<typeof explainer>;

export default explainer as ExplainerStrings;
