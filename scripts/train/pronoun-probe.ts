import { readModelDir } from '../lib/model-dir.ts';
import { modelFromFiles } from '../../src/core/bundle.ts';
import { nextTokenAfter, singleTokenId } from '../../src/core/nextToken.ts';
import { SHIPPED_MODEL_DIR } from './paths.ts';

// Does the model read a gender off the subject? For each sentence frame and each pair of subjects, the pronoun
// it expects next, after the male and after the female subject. A pair counts when both are right.
//
//   npx tsx scripts/train/pronoun-probe.ts [MODEL_DIR]
//
// Each cell: the male subject's last word, then FLIP (both right), m (he/his after both), f (she/her after both)
// or x (both wrong), and after the female subject P(right) / P(wrong) in percent.
const loaded = modelFromFiles(readModelDir(process.argv[2] ?? SHIPPED_MODEL_DIR));
const id = (word: string) => {
  const found = singleTokenId(loaded.tokenizer, word);
  if (found === null) throw new Error(`${JSON.stringify(word)} is not one token`);
  return found;
};

const SUBJECTS: readonly [string, string][] = [
  ['The king', 'The queen'],
  ['The man', 'The woman'],
  ['Mr. Brown', 'Mrs. Brown'],
  ['His father', 'His mother'],
  ['The boy', 'The girl'],
  ['Her husband', 'Her wife'],
  ['The old man', 'The old woman'],
  ['John', 'Mary'],
  ['The son', 'The daughter'],
  ['My brother', 'My sister'],
  ['The gentleman', 'The lady'],
  ['He', 'She'],
];
const SUBJECT = ['he', 'she'] as const;
const POSSESSIVE = ['his', 'her'] as const;
const FRAMES: readonly [string, readonly [string, string]][] = [
  ['{S} said that', SUBJECT],
  ['{S} sat down and closed', POSSESSIVE],
  ['{S} opened', POSSESSIVE],
  ['{S} looked at', POSSESSIVE],
  ['{S} was tired, so', SUBJECT],
  ['{S} came home, and', SUBJECT],
  ['{S} lost', POSSESSIVE],
  ['{S} put on', POSSESSIVE],
  ['{S} shook', POSSESSIVE],
  ['{S} raised', POSSESSIVE],
  ['{S} thought that', SUBJECT],
  ['{S} smiled because', SUBJECT],
  ['{S} took off', POSSESSIVE],
];

let both = 0;
for (const [frame, [male, female]] of FRAMES) {
  const [m, f] = [id(` ${male}`), id(` ${female}`)];
  const cells = SUBJECTS.map(([maleSubject, femaleSubject]) => {
    const afterMale = nextTokenAfter(loaded, frame.replace('{S}', maleSubject)).probs;
    const afterFemale = nextTokenAfter(loaded, frame.replace('{S}', femaleSubject)).probs;
    const maleRight = afterMale[m] > afterMale[f];
    const femaleRight = afterFemale[f] > afterFemale[m];
    if (maleRight && femaleRight) both++;
    const verdict = maleRight && femaleRight ? 'FLIP' : maleRight ? 'm' : femaleRight ? 'f' : 'x';
    const percent = (p: number) => (100 * p).toFixed(1);
    return `${maleSubject.split(' ').pop()}:${verdict}(${percent(afterFemale[f])}/${percent(afterFemale[m])})`;
  });
  console.log(frame.padEnd(26), cells.join(' '));
}
console.log(`both right: ${both} of ${FRAMES.length * SUBJECTS.length} pairs`);
