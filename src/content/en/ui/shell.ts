import type { Strings } from '../../types';

// The page around the chapters: title, language, views, the text box, loading and errors, and the model bar.
const shell = {
  // Title, language and views
  appTitle: 'Inside GPT',
  tagline: 'A small GPT running in your browser, taken apart one step at a time',
  language: 'Language',
  switchLanguage: '中文',
  viewSwitch: 'View',
  viewRead: 'Read along',
  viewLab: 'Embedding lab',
  // The text box and the notes under it
  inputLabel: 'Your text',
  inputPlaceholder: 'Type some English here…',
  emptyText: 'Type some English to see the model’s next-word prediction.',
  trailingSpace:
    'Your text ends with a space. This tokenizer puts a word’s space in front of it (␣king is one token), so after a bare space the model expects the rest of a word, not a new one. Delete the space to see whole-word predictions.',
  trainedOnEnglish:
    'This model was trained on English text only, so Chinese, other scripts and emoji come out as byte-level tokens it barely knows.',
  truncated: 'Your text has {n} tokens; the model only sees the last {T}.',
  computedHere: 'Computed in this browser: {n} tokens through {L} layers in {ms}\u00a0ms.',
  computedHereOne: 'Computed in this browser: 1 token through {L} layers in {ms}\u00a0ms.',
  computedWarmingUp: 'The first passes after the page loads also compile the code, so they take longer than the ones after them.',
  computedWithoutSimd: 'This browser lacks WebAssembly SIMD, so the matrix products run in plain JavaScript, more than twice as slowly.',
  linkCut:
    'This text is too long for the page address. A link to this page, or the page opened in another tab, holds only the last {kept} of its {total} characters.',
  linkCutSame: 'That part holds everything the model reads, so the link shows the same prediction.',
  linkCutDiffers: 'The model reads more than that part, so the link may show a different prediction.',
  linkCutTab: 'This tab keeps the whole text, even if you reload it.',
  linkOpenedCut: 'This link held only the end of a longer text: the first {n} characters did not fit in the page address.',
  byteNote:
    'A token shown as ⟨E6⟩ is one raw byte, written in hexadecimal: usually only part of a character (a Chinese character takes three bytes), otherwise an invisible control character.',
  nextTokenPrediction: 'Next-token prediction',
  // Loading and errors
  loadingModel: 'Loading the model…',
  modelLoadFailed: 'Sorry, the model could not be loaded. Reloading the page may help.',
  figureFailed:
    'This figure could not be drawn. The rest of the page still works and your text is safe; the figure tries again when you change the text.',
  figureReset: 'Reset this figure',
  pageFailed: 'Something went wrong and this page could not be drawn. Your text is safe: here it is, ready to copy.',
  pageFailedText: 'Your text',
  pageRetry: 'Try again',
  errorDetails: 'Technical details',
  // The model bar: another GPT-2, from files or from the web
  modelBarLabel: 'Model',
  modelBarSummary: '{L} layers, {C} numbers per token, {V} tokens',
  modelOpenAnother: 'Open another model: GPT-2 from your computer or the web',
  modelOpenFolder: 'Open a model folder…',
  modelOpenFiles: 'or choose its four files',
  modelOpenHint:
    'A Hugging Face GPT-2 folder from your computer (config.json, model.safetensors, vocab.json, merges.txt), chosen here or dropped onto the page. It is read in this browser; nothing is uploaded.',
  modelBackToDefault: 'Back to the tiny model',
  modelUrlLabel: 'Or the address of a folder on the web',
  modelUrlOpen: 'Open from the address',
  modelUrlAsk:
    'This fetches config.json, vocab.json, merges.txt and model.safetensors from {host}. It is the only request this page ever makes outside its own site, and it happens only now, because you asked. GPT-2’s weights are about 500 MB (gpt2-medium’s 1.4 GB).',
  modelUrlAskOwnSite:
    'This fetches config.json, vocab.json, merges.txt and model.safetensors from {host}, this page’s own site, only now, because you asked. GPT-2’s weights are about 500 MB (gpt2-medium’s 1.4 GB).',
  modelUrlGo: 'Fetch them',
  modelUrlInvalid: 'That is not a web address. It should start with {scheme}, for example {example}.',
  modelUnreachable:
    'Not opened: the page could not fetch the files from {host}. Either the server did not answer, or it does not let other sites read its files (CORS).',
  modelOpeningHeader: 'Checking the files…',
  modelOpening: 'Reading model.safetensors: {read} of {total}, {t} of {n} tensors',
  modelCancel: 'Cancel',
  modelDismiss: 'Close',
  modelDrop: 'Drop a GPT-2 folder, or its four files, to open it',
  modelMissing:
    'Not opened: {files} is not among the files you chose. A GPT-2 folder holds config.json, model.safetensors, vocab.json and merges.txt; choose the folder, or all four files at once.',
  modelMissingSome:
    'Not opened: {files} are not among the files you chose. A GPT-2 folder holds config.json, model.safetensors, vocab.json and merges.txt; choose the folder, or all four files at once.',
  modelNotGpt2: 'Not opened: its config.json describes a {what} model, not GPT-2, and this page runs GPT-2 checkpoints only.',
  modelShapes:
    'Not opened: the weights in model.safetensors do not have the shapes config.json gives, so the files probably come from different models.',
  modelTruncated:
    'Not opened: model.safetensors is cut short. Its header describes {need} bytes, but the file has {have}. Perhaps the download did not finish; download it again and try once more.',
  modelTooBig:
    'Not opened: this model has {params} parameters, {size} as 32-bit floats, more than this page asks a browser for ({limit}). GPT-2 (124M parameters) and GPT-2 Medium (355M) fit; GPT-2 Large and XL do not.',
  modelUnreadable: 'Not opened: these files could not be read as a GPT-2 model.',
  modelUnreadableFile: 'Not opened: {file} could not be read as part of a GPT-2 model.',
  modelStillRunning: 'The page still runs {name}, and your text is as you left it.',
  modelLinkNote:
    'This link was made with the model {name}. Links always open on {default}, so the numbers here may differ from what the sender saw; open the files of {name} to see theirs.',
};

export type ShellStrings = Strings<typeof shell>;

export default shell as ShellStrings;
