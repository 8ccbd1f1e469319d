import type { LoadedModel } from '../../src/core/bundle.ts';
import { nextTokenAfter, singleTokenId } from '../../src/core/nextToken.ts';

// Does the model read a gender off the subject? For each sentence frame and each pair of subjects, the pronoun
// it expects next, after the male and after the female subject. A pair counts when both are right.

export const PROBE_SUBJECTS: readonly [string, string][] = [
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
export const PROBE_FRAMES: readonly [string, readonly [string, string]][] = [
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

export interface ProbePair {
  frame: string;
  maleSubject: string;
  maleRight: boolean;
  femaleRight: boolean;
  /** After the female subject: P(the feminine pronoun), P(the masculine one). */
  femaleProbs: [number, number];
}

export function pronounProbe(loaded: LoadedModel): ProbePair[] {
  const id = (word: string) => {
    const found = singleTokenId(loaded.tokenizer, word);
    if (found === null) throw new Error(`${JSON.stringify(word)} is not one token`);
    return found;
  };
  return PROBE_FRAMES.flatMap(([frame, [male, female]]) => {
    const [m, f] = [id(` ${male}`), id(` ${female}`)];
    return PROBE_SUBJECTS.map(([maleSubject, femaleSubject]) => {
      const afterMale = nextTokenAfter(loaded, frame.replace('{S}', maleSubject)).probs;
      const afterFemale = nextTokenAfter(loaded, frame.replace('{S}', femaleSubject)).probs;
      return {
        frame,
        maleSubject,
        maleRight: afterMale[m] > afterMale[f],
        femaleRight: afterFemale[f] > afterFemale[m],
        femaleProbs: [afterFemale[f], afterFemale[m]] as [number, number],
      };
    });
  });
}
