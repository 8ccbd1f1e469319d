import type { ShellStrings } from '../../en/ui/shell';

// The page around the chapters: title, language, views, the text box, loading and errors, and the model bar.
const shell: ShellStrings = {
  // Title, language and views
  appTitle: '走进 GPT',
  tagline: '一个在浏览器里运行的小型 GPT，一步一步拆开给你看',
  language: '语言',
  switchLanguage: 'English',
  viewSwitch: '视图',
  viewRead: '边读边看',
  viewLab: '嵌入实验室',
  // The text box and the notes under it
  inputLabel: '你的文本',
  inputPlaceholder: '在这里输入一些英文……',
  emptyText: '输入一些英文，看看模型预测的下一个词。',
  trailingSpace:
    '你的文本以空格结尾。这个分词器把单词前面的空格算作该词的一部分（␣king 是一个词元），所以在单独的空格之后，模型预期的是某个词剩下的部分，而不是一个新词。删掉这个空格，就能看到整词的预测。',
  trainedOnEnglish: '这个模型只用英文训练过，中文、其他文字和表情符号会被拆成字节级的词元，模型几乎不认识它们。',
  truncated: '你的文本有 {n} 个词元，模型只能看到最后 {T} 个。',
  computedHere: '在这个浏览器里算出：{n} 个词元经过 {L} 层，用时 {ms}\u00a0毫\u2060秒。',
  computedHereOne: '在这个浏览器里算出：1 个词元经过 {L} 层，用时 {ms}\u00a0毫\u2060秒。',
  computedWarmingUp: '页面加载后的头几次计算还要编译代码，所以比之后的慢。',
  computedWithoutSimd: '这个浏览器不支持 WebAssembly SIMD，矩阵乘法改用普通 JavaScript，耗时是平常的两倍以上。',
  linkCut: '这段文字太长，页面地址放不下。分享出去的链接，或者在别的标签页里打开的这个页面，只带有全部 {total} 个字符中的最后 {kept} 个。',
  linkCutSame: '模型读取的内容都在这一部分里，所以打开链接看到的预测和这里一样。',
  linkCutDiffers: '模型读取的内容比这一部分多，所以打开链接看到的预测可能不一样。',
  linkCutTab: '当前标签页会保留完整的文字，刷新也不会丢。',
  linkOpenedCut: '这个链接只带了一段长文字的结尾：开头的 {n} 个字符没能放进页面地址。',
  byteNote:
    '显示成 ⟨E6⟩ 的词元是一个原始字节，用十六进制写出：它通常是某个字符的一部分（一个汉字占三个字节），也可能是一个看不见的控制字符。',
  nextTokenPrediction: '下一个词元的预测',
  // Loading and errors
  loadingModel: '正在加载模型……',
  modelLoadFailed: '抱歉，模型加载失败。刷新页面或许能解决。',
  figureFailed: '这张图没能画出来。页面的其他部分照常可用，你的文字也都还在；修改文字后，这张图会再试一次。',
  figureReset: '重置这张图',
  pageFailed: '出了点问题，页面没能画出来。你的文字都还在，就在下面，可以直接复制。',
  pageFailedText: '你的文字',
  pageRetry: '重试',
  errorDetails: '技术细节',
  // The model bar: another GPT-2, from files or from the web
  modelBarLabel: '模型',
  modelBarSummary: '{L} 层，每个词元 {C} 个数，词表含 {V} 个词元',
  // A word joiner after the hyphen: Chinese line breaking would otherwise leave “2” alone on the next line.
  modelOpenAnother: '打开别的模型：你电脑上或网上的 GPT-\u20602',
  modelOpenFolder: '打开模型文件夹…',
  modelOpenFiles: '或选择它的四个文件',
  modelOpenHint:
    '打开你电脑上的 Hugging Face GPT-2 文件夹（config.json、model.safetensors、vocab.json、merges.txt）：可以在这里选择，也可以直接拖到页面上。文件只在这个浏览器里读取，不会上传。',
  modelBackToDefault: '换回小模型',
  modelUrlLabel: '或者输入网上某个文件夹的网址',
  modelUrlOpen: '从网址打开',
  modelUrlAsk:
    '这会从 {host} 下载 config.json、vocab.json、merges.txt 和 model.safetensors。只有在这种情况下、并且在你提出要求之后，本页才会向其他站点发出请求。GPT-2 的权重约 500 MB（gpt2-medium 约 1.4 GB）。',
  modelUrlAskOwnSite:
    '这会从本页所在的站点 {host} 下载 config.json、vocab.json、merges.txt 和 model.safetensors。点了“开始下载”才会下载。GPT-2 的权重约 500 MB（gpt2-medium 约 1.4 GB）。',
  modelUrlGo: '开始下载',
  modelUrlInvalid: '这不是一个网址。网址应以 {scheme} 开头，例如 {example}。',
  modelUnreachable: '打开失败：无法从 {host} 获取文件。可能是服务器没有响应，也可能是它不允许其他网站读取它的文件（CORS）。',
  modelOpeningHeader: '正在检查文件……',
  modelOpening: '正在读取 model.safetensors：{read} / {total}，张量 {t} / {n}',
  modelCancel: '取消',
  modelDismiss: '关闭',
  modelDrop: '把 GPT-2 文件夹或它的四个文件拖到这里，即可打开',
  modelMissing:
    '打开失败：你选的文件里没有 {files}。GPT-2 文件夹里应有 config.json、model.safetensors、vocab.json 和 merges.txt，请选择整个文件夹，或一次选中全部四个文件。',
  modelMissingSome:
    '打开失败：你选的文件里没有 {files}。GPT-2 文件夹里应有 config.json、model.safetensors、vocab.json 和 merges.txt，请选择整个文件夹，或一次选中全部四个文件。',
  modelNotGpt2: '打开失败：它的 config.json 描述的是{what}模型，不是 GPT-2，而本页只能运行 GPT-2 的检查点。',
  modelShapes: '打开失败：model.safetensors 里权重的形状和 config.json 写的对不上，这些文件大概来自不同的模型。',
  modelTruncated:
    '打开失败：model.safetensors 不完整。文件头描述的是 {need} 字节，文件实际只有 {have} 字节。可能还没下载完，请重新下载后再试一次。',
  modelTooBig:
    '打开失败：这个模型有 {params}个参数，按 32 位浮点数存放需要 {size}，超过了本页向浏览器申请的上限（{limit}）。GPT-2（1.24 亿参数）和 GPT-2 Medium（3.55 亿）能打开，GPT-2 Large 和 XL 太大。',
  modelUnreadable: '打开失败：这些文件无法作为 GPT-2 模型读取。',
  modelUnreadableFile: '打开失败：{file} 无法作为 GPT-2 模型的一部分读取。',
  modelStillRunning: '页面仍在运行{name}，你的文字原样保留。',
  modelLinkNote:
    '这个链接是在模型{name}上生成的。链接总是用{default}打开，所以这里的数字可能和发送者看到的不同；打开{name}的文件，就能看到他们看到的结果。',
};

export default shell;
