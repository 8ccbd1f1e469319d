/**
 * The pair of prompts chapter 5 uses to show that context changes the prediction (the lesson's notes use
 * “professor” after a Harry Potter context, which our model has never read): two prompts that end alike and
 * differ earlier, in a pronoun, and the two next tokens whose order that pronoun flips on the shipped model.
 *
 * One place to swap after a retraining: tests/context-pair.test.ts checks every claim below on the shipped
 * files, and that chapter 5's prose names the same cue words, compared words and noun-only prompt.
 */
export const CONTEXT_PAIR = {
  /** Two prompts that differ only in a few words; the figure highlights those words. */
  prompts: ['She sat down and closed', 'He sat down and closed'],
  /** The earlier words the model follows, one per prompt, as the prose names them. */
  cues: ['She', 'He'],
  /** The two next tokens compared, each a single token: the first prompt ranks words[0] above words[1], the second the reverse. */
  words: [' her', ' his'],
  /** A gendered noun in the pronoun's place: the model does not follow this noun, so words[1] still leads words[0] here. */
  nounOnly: 'The queen sat down and closed',
} as const;

export type ContextPair = typeof CONTEXT_PAIR;
