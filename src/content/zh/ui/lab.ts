import type { LabStrings } from '../../en/ui/lab';

// The embedding lab (src/app/lab).
const lab: LabStrings = {
  // The expression
  embeddingLab: '嵌入实验室',
  labIntro:
    '在这个模型自己的嵌入矩阵 W_e 上做向量运算：它有 {V} 行（每个词元一行），每行 {C} 个数。把若干行相加减，看看哪些词离结果最近，再把结果送回模型。',
  labExpressionLabel: '表达式',
  labExpressionHint: '用 + 和 − 连接单词，可以带系数，例如 king - man + woman 或 2*queen - king。',
  labClickSign: '点击单词时使用的符号',
  labClickAdd: '+（加上）',
  labClickSubtract: '−（减去）',
  labExamplesNote: '这个小模型能答对上面这些例子，但答错的也不少：比如 paris − france + italy 就得不到 rome。',
  labExamples: '示例',
  labLessonExample:
    '这一课里的 Italy + Hitler − Germany ≈ Mussolini 在这里根本算不了：“Hitler”会被拆成 {a}，“Mussolini”会被拆成 {b}，两者在 W_e 里都没有自己的一行，而实验室只在整词的行里找答案，自然找不到 Mussolini。上面的 German − Germany + France 属于同一类运算，这一道就能算对。',
  labLessonExampleTry: '填入这一课的例子',
  // What can be wrong with an expression
  labErrEmpty: '请输入一个表达式，例如 king - man + woman。',
  labErrEmptyWord: '请在这里输入一个词。',
  labErrTooLong: '表达式超过了 {limit} 个字符，请缩短一些。',
  labErrTooManyTerms: '一个表达式最多 {limit} 个单词。',
  labErrUnexpected: '第 {pos} 个位置的字符“{char}”不能用在这里：只能用单词、数字、+、− 和 *。',
  labErrExpectedWord: '第 {pos} 个位置缺一个单词（在符号或数字之后）。',
  labErrExpectedOperator: '两个单词之间要加 + 或 −（第 {pos} 个位置）。',
  labErrBadCoefficient: '数字“{text}”无法使用：系数必须在 −{limit} 到 {limit} 之间。',
  labErrNumberAfterWord: '数字要写在单词前面，例如 2*king：第 {pos} 个位置的乘号跟在单词“{word}”后面。',
  labSplitWord: '“{word}”在这个词表里不是单个词元，它会被拆成 {n} 个词片：{pieces}。只有单个词元才在 W_e 里有自己的一行，请换一个词试试。',
  labSplitNotEnglish: '这个模型的词表是从英文文本里学来的，其他文字的词会被拆成一个个字节。',
  labRecased: '“{word}”不是单个词元，这里改用了“{form}”。',
  labZeroVector: '各项正好抵消，结果是零向量。零向量没有方向，所以谈不上离哪个词最近。',
  labZeroVectorTinyOne: '系数为零，或者小到计算机无法保存（变成了 0），结果是零向量。零向量没有方向，所以谈不上离哪个词最近。',
  labZeroVectorTinyAll: '每个系数都为零，或者小到计算机无法保存（变成了 0），结果是零向量。零向量没有方向，所以谈不上离哪个词最近。',
  // The result and its nearest words
  labResultVector: '结果向量（{C} 个分量）',
  labComponent: '第 {i} 个分量',
  labNearestCosine: '余弦相似度最高的词',
  labNearestDot: '点积最大的词',
  labDotExplain: '点积不仅取决于方向，还随向量长度增大，所以较长的行容易排到前面；余弦相似度除掉了长度，只比较方向。',
  labIncludeInputs: '包括输入的单词',
  labExcludeExplain:
    '默认不列出输入的单词：结果往往仍然离它自己的某个输入最近（king − man + woman 离 king 依然最近），这样会挡住真正有意思的答案。',
  labWholeWordsOnly: '只看词首词元',
  labWholeWordsExplain:
    '词首词元指以空格加字母开头的词元：{V} 个词元中有 {n} 个。它们大多是完整的单词，也有一些只是长单词的开头部分（例如 afternoons 的开头“␣aftern”，␣ 代表空格）。',
  labInputMark: '输入',
  labAddWord: '把“{word}”放进表达式',
  labSentenceWords: '你句子里的词（点击即可加入）：',
  // The picture
  labPicture: '示意图',
  labAxesPca: '主成分',
  labAxesPairs: '自选方向',
  labAxes: '坐标轴',
  labPcaExplain:
    '坐标轴是这 {n} 个向量最为分散的两个方向（主成分），它们解释了总方差的 {share}%。其余维度都被压扁了，所以图上的距离只是近似。',
  labParallelExplain:
    '两条虚线完全相同：从 {b} 走到 {c}，和从 {a} 走到结果，是同一步移动，所以这四个点在任何一张平面图里都构成平行四边形。',
  labNearestInput:
    '在完整的 {C} 维空间里，结果离它自己的输入词“{input}”最近（余弦相似度 {ci}）；在其余的词中，离它最近的是“{best}”（{cb}）。平面图只保留了这些距离的一部分，看起来挨得近的点未必真的近。',
  labNearestWord:
    '在完整的 {C} 维空间里，离结果最近的词是“{best}”（余弦相似度 {cb}）。平面图只保留了距离的一部分，看起来挨得近的点未必真的近。',
  labPairsExplain: '每条坐标轴表示一个向量沿“从一个词到另一个词”的方向走了多远。',
  labHorizontal: '横轴',
  labVertical: '纵轴',
  labFrom: '从',
  labTo: '到',
  labDirectionSame: '一个方向的两个词必须不同。',
  labAxisSame: '同一条坐标轴的两个词必须不同。',
  labZoomHint:
    '按住 Ctrl 再滚动滚轮，或在触控板上双指捏合，即可缩放；拖动可平移；也可以先选中图，再用 + − 和方向键操作（按 0 复位）。把鼠标移到点上或点一下，即可读出数值。',
  labZoomHintTouch: '双指捏合可缩放，双指拖动可平移；单指滑动照常滚动页面。轻触图中的点，即可读出数值。',
  labResetView: '重置视图',
  labReplay: '重播箭头动画',
  labPointInfo: '{word}：({x}, {y})',
  // Directions
  labDirections: '方向',
  labDirectionIntro:
    '方向就是两个词的差，例如 woman − man。把每个词元的那一行投影到这个方向上，下面列出位于两端的词元。某一端的词，未必都和这一端对应的那个词有关：在我们这个小模型里，woman − man 靠近 woman 的那一端只有 female 一个词与女性有关，其余是 beef、sugar 这样的词；靠近 man 的那一端除了 man 本身，再没有一个表示男性的词。',
  labTowards: '最偏向“{word}”的词',
  labMoveWord: '要移动的词',
  labAlpha: '步数 s',
  labMoveExplain: '向量 = {word} + s × ({to} − {from})，其中 s = {s}：每走一步就加上一整个差向量 {to} − {from}，它的长度是 {len}。',
  labMovedNearest: '离移动后的向量最近的词',
  // The dot product
  labDotProduct: '点积的两种算法',
  labDotIntro:
    '拖动箭头的尖端，或者选中一个箭头后用方向键移动。代数算法和几何算法总是得到同一个数；当两个箭头的夹角超过 90° 时，它就变成负数。',
  labAlgebraic: '代数：对应分量相乘，再相加',
  labGeometric: '几何：长度相乘，再乘以夹角的余弦',
  labDotPositive: '正数：两个箭头大致指向同一边。',
  labDotZero: '零：两个箭头互相垂直。',
  labDotNoAngle: '零：至少有一个箭头的长度为零，两者之间谈不上夹角。',
  labDotNegative: '负数：两个箭头指向相反的两边。',
  labVectorA: '箭头 a',
  labVectorB: '箭头 b',
  labWordDot: '换成 W_e 中真实的两行',
  labWordDotExplain: '每根柱条是 {C} 个乘积 aᵢbᵢ 中的一个；它们的和等于 |a| |b| cos θ。',
  // Feeding the result into the model
  labInjection: '把结果送进模型',
  labInjectExample:
    '找一个模型能分辨差别的句子试试：在{text}里，把 ␣king 换成 {expr} 的向量，下一个词元是 ␣his 和 ␣he 的概率会大幅下降，␣her 的概率则会升高。',
  labInjectUseExample: '换成这个句子（按浏览器的“返回”可换回你的句子）',
  labInjectIntro: '用结果向量替换你句子中某个词元的嵌入，整个前向计算随之重算。它之前的位置不会变化，因为注意力只能看前文。',
  labInjectPosition: '要替换的词元',
  labInjectOff: '不注入（关闭）',
  labInjectNote: '位置 {pos}（“{token}”）现在用的是 {expr}，而不是它自己的那一行。',
  labNoSentence: '先在上面输入一个句子，才能注入。',
  labNoResult: '请先写出一个有效的表达式。',
  labBefore: '注入前',
  labAfter: '注入后',
  labChange: '变化（百分点）',
  // How big W_e is
  labScale: 'W_e 有多大？',
  labScaleOurs: '本模型：{V} × {C} = {n} 个数。',
  labScaleGpt3: 'GPT-3：{V} × {C} = {n} 个数。',
  labScaleMeaning:
    '相当于本模型 W_e 的 {ratio} 倍。GPT-3 给每个词元 {C} 个数；按 32 位浮点数存储，光是它的嵌入矩阵就要 {mb} MB，这还没算任何一层。',
  // W_e before and after training
  weChangeTitle: '训练对 W_e 做了什么：同样的类比，训练前后各算一遍',
  weChangeIntro:
    'W_e 起初只是共现统计的结果（PPMI + SVD，还没有经过任何一步训练），之后训练才对它做了调整。每一行拿同一道题去问两个版本：按余弦相似度找出最近的整词（不算题目里的词），再看预期的答案排在第几。点一行，下面会列出两边各自最近的五个词。',
  weChangeBefore: '训练前的 W_e（只有共现统计）',
  weChangeAfter: '随模型发布的 W_e（训练后）',
  weChangeAnalogy: '类比',
  weChangeRankFirst: '✓ 符合预期',
  weChangeRank: '{word}：第 {rank} 名',
  weChangeRankNone: '{word}：不在前 {n} 名',
  weChangeShowTop: '列出 {expression} 的前 {k} 名',
  weChangeListsFor: '{expression} 的前 {k} 名',
  weChangeSummary: '预期答案排第一的题数：训练前 {before} 道，训练后 {after} 道（共 {n} 道）。',
  weChangeLoading: '正在读取训练前 W_e 的排名……',
  weChangeMissing:
    '没能读取训练前 W_e 的排名（{file}），所以“训练前”那一栏暂时空着（{detail}）。训练后那一栏由你的浏览器直接根据模型算出，完整无缺。',
  weChangeMissingShort: '文件没能读取，这里暂时空着。',
  weChangeOtherModel:
    '这张表比较的是小模型的 W_e 在训练前后的样子。{model} 不是在这里训练的，也没有附带训练前 W_e 的记录，因此无从比较；切回小模型即可看到。',
  weChangeNotInFile: '训练前的排名文件里没有这道题。',
  weChangeSource:
    '训练前：根据训练文本（{tokens} 个词元，共现窗口 {window}，每个词元 {dims} 个数）预先算好一次，作为 {file} 随模型一起发布。训练后：由你的浏览器根据已加载的 W_e，用同一段代码算出。',
};

export default lab;
