export { bytesToUnicode } from './bytes.ts';
export { pretokenize, GPT2_SPLIT_PATTERN } from './pretokenize.ts';
export { Tokenizer } from './tokenizer.ts';
export type { TokenizerFileNames } from './parse.ts';
export { trainBpe, vocabToJson, mergesToTxt, END_OF_TEXT } from './train.ts';
export type { BpeTrainOptions, BpeTrainResult } from './train.ts';
