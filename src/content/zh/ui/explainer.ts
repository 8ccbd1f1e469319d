import type { ExplainerStrings } from '../../en/ui/explainer';

// The chapters and the stepper (src/app/explainer; its figures are in figures.ts).
const explainer: ExplainerStrings = {
  // Chapters
  chapters: '章节',
  chapterN: '第 {i} 章',
  tryThis: '动手试试',
  stepHere: '在逐步演示中查看这一部分',
  lessonLink: '3Blue1Brown 讲 GPT 的那一课：视频及其网页（英文，在新标签页打开）',
  figureNeedsText: '这张图是根据你的文本算出来的：请先在上面的文本框里输入一些文字。',
  otherModelChapters:
    '打开{name}后，各章的图和正文里填入的数字都来自{name}。正文中讲我们自己的模型如何做成的部分（训练文本、词表、训练前的 W_e），说的仍是小模型。',
  // The stepper
  stepThrough: '一步一步走完一次前向计算',
  stepperHint: '先点一下这个面板，再按 ← 和 → 后退或前进一步，按空格键播放或暂停。',
  stepperHintTouch: '点一下进度条上的某个阶段，或拖动滑块，就能跳到那里；▶ 会依次播放各个阶段。',
  previous: '上一步',
  next: '下一步',
  play: '播放',
  pause: '暂停',
  speed: '速度',
  stage: '阶段',
  stageOf: '第 {i} 步，共 {n} 步',
  selectedToken: '选中的词元',
  formulaGeneral: '这一步计算什么',
  formulaNumbers: '代入你的数字',
  countingNote: '层和头从 1 数起；词元、位置和神经元则和代码一样，从 0 数起。',
  hoverHint: '把鼠标移到格子上或点一下，即可读出精确数值。',
  softmaxShift:
    '代入数字时，每个 logit 都先减去其中最大的那个 z_max。这相当于分子分母同时除以同一个数，概率分毫不变，但 e 的指数再也不会大到让计算机装不下。代码里的 softmax 就是这么算的。',
  // The stepper's logit lens
  stepperLensTitle: 'logit 透镜',
  stepperLensIntro: '提前看一眼第 8 章：把模型最后几步（最终层归一化、W_u 和 softmax）现在就用在残差流上，就好像模型在这里停下了。',
  stepperLens: '读取的是{where}。此时词元 {t} 会预测：',
  stepperLensEmbedding: '嵌入 x₀，还没有哪一层往里加过东西',
  stepperLensAfterAttention: '第 {l} 层注意力之后的残差流，这一层的 MLP 还没加进来',
  stepperLensAfterLayer: '第 {l} 层之后的残差流',
  stepperLensFinal: '最后一层之后的残差流，这就是模型真正的预测',
  stepperLensMore: '查看每一层的透镜 ↓',
  // Stages, in the order of the forward pass
  stageTokens: '词元',
  stageTokEmb: '词元嵌入',
  stagePosEmb: '位置嵌入',
  stageX0: 'e + p 相加',
  stageLn1: '层归一化 1',
  stageQ: '查询 Q',
  stageK: '键 K',
  stageV: '值 V',
  stageScores: '注意力得分',
  stageMasked: '因果掩码',
  stageWeights: 'softmax 权重',
  stageAttnOut: '加权求和',
  stageAttnProj: '输出投影',
  stageResid1: '残差 1',
  stageLn2: '层归一化 2',
  stageFc: 'MLP 升维',
  stageGelu: 'GELU',
  stageMlpProj: 'MLP 降维',
  stageResid2: '残差 2',
  stageLnF: '最终层归一化',
  stageLogits: 'logit',
  stageProbs: '概率',
  // A stage's figure
  scrollForRest: '左右滑动，查看其余部分 →',
  sampledColumns:
    '数太多，没法逐个画出：{n} 个数每 {k} 个只画 1 个，即第 {shown} 列。把鼠标移到上面或点一下，能读出这 {n} 个数中的任何一个。',
  colorSigned: '红色为正，蓝色为负，白色为 0',
  colorMasked: '灰色为 −∞：排在后面、这个词元不许看的词元',
  colorProb: '绿色越深，权重越大',
  masked: '已遮挡（−∞）',
  lastPosition: '只有最后一个位置的向量用来预测下一个词元。',
  // Pickers and cell labels
  layerN: '第 {l} 层',
  headN: '第 {h} 个头',
  neuronN: '第 {i} 号神经元',
  channelN: '通道 {i}',
  tokenN: '词元 {i}',
  queryTokenN: '查询词元 {i}',
  keyTokenN: '键词元 {i}',
  tokenIdN: '词元编号 {i}',
};

export default explainer;
