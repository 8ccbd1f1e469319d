import type { GPTModel } from './model';
import type { ModelFiles } from './checkpoint';
import { checkVocabAgreement, modelFromTensors, parseConfig } from './checkpoint';
import { readSafetensors } from './safetensors';
import { tokenMaskFor } from './tokenMask';
import { Tokenizer } from './tokenizer/index.ts';

export interface LoadedModel {
  model: GPTModel;
  tokenizer: Tokenizer;
}

/** A model folder's four files, checked against each other, as one usable model. */
export function modelFromFiles(files: ModelFiles): LoadedModel {
  const config = parseConfig(files.config);
  const model = modelFromTensors(config, readSafetensors(files.safetensors));
  return withTokenizer(model, Tokenizer.fromFiles(files.vocab, files.merges));
}

/** A model and its tokenizer, checked against each other; ids vocab.json does not name are masked. */
export function withTokenizer(model: GPTModel, tokenizer: Tokenizer): LoadedModel {
  checkVocabAgreement(model.config, tokenizer.vocabSize);
  const tokenMask = tokenMaskFor(model.config.vocabSize, (id) => tokenizer.hasToken(id));
  return { model: tokenMask ? { ...model, tokenMask } : model, tokenizer };
}
