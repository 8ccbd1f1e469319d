import type { FigureStrings } from '../../en/ui/figures';

// The chapters' live figures, chapters 1-7 (src/app/explainer/figures).
const figures: FigureStrings = {
  // Chapter 1: the next-token prediction
  probabilityOfNext: '每个可能的下一个词元的概率',
  barsToLargest: '柱条的长短是相对的：最可能的词元总是画得最长，哪怕它的概率并不高。概率要看百分比，全部 {V} 个词元加起来是 100%。',
  // Chapter 2: the flow diagram
  flowDiagram: '前向计算流程图',
  flowText: '文本',
  flowTokens: '词元',
  flowVectors: '向量',
  flowAttention: '注意力',
  flowMlp: 'MLP',
  flowLastVector: '最后一个向量',
  flowLogits: 'logit',
  flowProbs: '概率',
  flowLoop: '× {n} 层',
  flowHint: '点击任意方框，逐步演示就会跳到那个阶段。',
  // Chapter 3: tokens
  ourTokens: '我们的切分',
  gpt2Tokens: 'GPT-2 的切分',
  loadedTokens: '{name}的切分',
  tinyTokens: '小模型的切分',
  tokenCount: '{n} 个词元',
  ourVocab: '我们的词表：{n} 个词元',
  loadedVocab: '它的词表：{n} 个词元',
  tinyVocab: '小模型的词表：{n} 个词元',
  gpt2Vocab: 'GPT-2/GPT-3 的词表：{n} 个词元',
  wholeWord: '完整单词',
  wordPiece: '词片',
  loadingGpt2: '正在加载 GPT-2 的分词器……',
  gpt2LoadFailed: 'GPT-2 的分词器加载失败，所以这里无法对比两种切分。',
  tokensSameText: '两行切分的是同一段文字：模型实际读到的部分（全文 {total} 个词元中的最后 {n} 个）。',
  // Chapter 4: embedding
  tokenVector: '词元向量 e：W_e 的第 id 行（代码里叫 wte；这一课的图里是第 id 列）',
  positionVector: '位置向量 p（W_p 的一行）',
  sumVector: '两者之和 x = e + p（进入第 1 个模块）',
  dotExample: '你文本中两个词元的向量点积',
  otherToken: '与之比较',
  embeddingMatrixCaption:
    'W_e 的全貌，按我们代码中的存放方式（wte）：{V} 行，每个词元一行，共 {C} 列。这一课把同一个矩阵横过来画，每个词元一列。图里画不下所有的行，所以每 {every} 行只取一行，画成一条像素；你的词元查到的那几行则一行不落地画出来，并在右侧用刻度标出。',
  embeddingMatrixCell: 'W_e[{id}, {c}] = {value}（“{token}”的那一行）',
  embeddingMatrixHint:
    '把鼠标移到矩阵上或点一下，就能读出任意一个数；用键盘时，按 Tab 移到矩阵上，再用方向键逐格读。长刻度是选中词元的那一行。',
  vocabColumnsSampled:
    '列太多，没法每列各占一个像素：{n} 列每 {k} 列只画 1 列，即第 {shown} 列，这样每个像素都是矩阵里一个真实的数。把鼠标移到上面或点一下，就能读出那个像素上的数和它所在的列。',
  embeddingLabLink: '到嵌入实验室里对 W_e 做向量运算',
  // Chapter 5: attention, and two prompts side by side
  attentionHeads: '这一层的每个头（行是发出关注的词元，列是被关注的词元）',
  attentionPooled:
    '{T} 个词元太多，没法每对词元各画一格：这里每个格子代表 {k} × {k} 对词元，颜色取其中最大的那个权重，这样较强的权重都不会被漏掉。把鼠标移到上面或点一下，就能看到这个最大权重属于哪一对词元，以及它的确切数值。',
  attentionCell: '第 {h} 个头：“{query}”给“{key}”的权重是 {w}。',
  attentionCellMasked: '第 {h} 个头：“{query}”不能看后面的“{key}”，权重为 {w}（已遮挡）。',
  attentionCellHint: '把鼠标移到图上，或用 Tab 键选中，即可读出权重；点击某一行，下面的连线图就改为显示那个词元。',
  attentionCellHintTouch: '点一下某个格子，即可读出它的权重和它连接的两个词元；下面的连线图随之改为显示那一行的词元。',
  attentionLines: '选中的词元在关注哪里（线越粗，权重越大）',
  attentionLinesListed:
    '{T} 个词元太多，列不下：两栏只列出选中的词元，以及从它那里分得至少 1% 注意力的词元（最多列出最强的 {n} 个），每个都标出它在文中的位置（从 0 数起）。',
  pairTitle: '上下文改变预测：两句提示词并排对比',
  pairCaption:
    '模型对每句提示词各做一次前向计算，就在你的浏览器里进行，与文本框里的文字无关。每一栏列出最可能接在后面的 {k} 个词元；两栏的柱条按同一比例绘制，{a} 和 {b} 在两栏里都做了标记。',
  pairFlips:
    '在“{cueA}”之后，两者中 {a} 更可能（{pa} 对 {pb}）；在“{cueB}”之后，{b} 更可能（{qb} 对 {qa}）。两句提示词结尾相同，这两个词元的先后却颠倒了。',
  pairNoFlip: '在当前加载的模型上，这两句提示词没有让 {a} 和 {b} 的顺序颠倒：这一对提示词在这里看不出效果。',
  pairColumn: '“{prompt}”之后的下一个词元',
  pairRank: '第 {n} 名',
  pairOpen: '放进文本框',
  pairOpenTitle: '把“{prompt}”放进文本框，页面上的图会随之更新。',
  pairOpened: '已在文本框中',
  // Chapter 6: the MLP and one neuron
  topNeurons: '在选中词元处激活最强的神经元（GELU 之后）',
  allNeurons: '选中词元在这一层的全部 {n} 个神经元',
  geluCurveCaption:
    'GELU 曲线。这一层的每个神经元在选中词元上各对应一个点：横坐标是它进入 GELU 之前的值，纵坐标是之后的值。大多数点落在 0 的左边，那里 GELU 几乎什么都不放行。',
  neuronPickLabel: '查看第几号神经元',
  neuronOutOfRange: '请输入 0 到 {max} 之间的整数。下面显示的仍是第 {shown} 号神经元的读数。',
  neuronWritesUp: '写出：推高的词元',
  neuronWritesDown: '写出：压低的词元',
  neuronReads: '读取：单凭自身嵌入就最能激活它的词元',
  neuronFiresAt: '在你的文本里激活最强的位置',
  neuronFiresAtItem: '位置 {pos} {token}（{value}）',
  neuronCrudeNote:
    '这些读数很粗略，只看直接相连的一步：“写出”把神经元的输出列直接送进最终层归一化和 W_u，假装它后面什么都没有；“读取”则单独把每个词元的 W_e 行喂给它，假装它前面什么都没有。括号里是激活每增加 1 时 logit 的变化。后面的层可能抵消它写出的东西，它读取的通常也是好几种信号的混合。',
  // Chapter 7: the residual stream through the layers
  residualStream: '选中词元在残差流中的向量，每一步之后的样子',
  vectorSize: '长度 |x|',
  afterEmbedding: '嵌入 x₀',
  afterAttention: '第 {l} 层注意力之后',
  afterMlp: '第 {l} 层 MLP 之后',
  layerNormBefore: '层归一化之前（残差流本身）',
  layerNormAfter: '层归一化之后（这一步读到的）',
};

export default figures;
