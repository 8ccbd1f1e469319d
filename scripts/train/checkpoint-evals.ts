import { resolve } from 'node:path';
import { readModelDir } from '../lib/model-dir.ts';
import { modelFromFiles } from '../../src/core/bundle.ts';
import { flatSize, paramsFromFlat } from '../../src/core/train/flat.ts';
import { genderAnalogies } from './analogies.ts';
import { readStateFile } from './checkpoint-state.ts';
import { agreement, agreementByKind } from './context-evals.ts';
import type { RunSettings } from './settings.ts';
import { SHIPPED_MODEL_DIR } from './paths.ts';

// The gender pairs and the agreement pairs of a run's last checkpoint, read from its train-state.bin in float32,
// without exporting a model (which would end the run's schedule early). The run must have the shipped model's
// vocabulary, whose files give the tokenizer; its shape is the one its checkpoint was saved with.
//
//   npx tsx scripts/train/checkpoint-evals.ts data/model-prose
const runDir = resolve(process.argv[2] ?? '');
const shipped = modelFromFiles(readModelDir(SHIPPED_MODEL_DIR));
const { header, floats } = readStateFile(resolve(runDir, 'train-state.bin'));
const { config } = JSON.parse(header.runKey) as RunSettings;
if (config.vocabSize !== shipped.model.config.vocabSize) {
  throw new Error(
    `${runDir} has a vocabulary of ${config.vocabSize} tokens, the shipped model one of ${shipped.model.config.vocabSize}: its words cannot be looked up.`,
  );
}
if (header.n !== flatSize(config)) throw new Error(`${runDir} holds ${header.n} parameters; its settings' shape has ${flatSize(config)}.`);
const flat = floats.subarray(0, header.n);
const model = { config, params: paramsFromFlat(config, flat) };

const analogies = genderAnalogies(model.params.wte, shipped.tokenizer);
const pairs = agreement(model, shipped.tokenizer);
const right = agreementByKind(pairs);
console.log(`checkpoint after step ${header.step}`);
console.log(
  `gender pairs ranked first: ${analogies.filter((a) => a.rank === 1).length} of ${analogies.length} (${analogies.map((a) => `${a.expected} ${a.rank ?? '>50'}`).join(', ')})`,
);
console.log(
  `agreement: ${Object.values(right).reduce((a, b) => a + b)} of ${pairs.length} (pronoun ${right.pronoun}, number ${right.number}, article ${right.article})`,
);
