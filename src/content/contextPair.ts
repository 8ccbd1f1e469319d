/**
 * The pair of prompts chapter 5 uses to show that context changes the prediction (the lesson's notes use
 * “professor” after a Harry Potter context, which our model has never read): two prompts that end alike and
 * differ earlier, in a noun, and the two next tokens whose order that noun flips on the shipped model.
 *
 * One place to swap after a retraining: tests/context-pair.test.ts checks every claim below on the shipped
 * files, and that chapter 5's prose names the same cue words, compared words and noun-only prompt.
 */
export const CONTEXT_PAIR = {
  /** Two prompts that differ only in a few words; the figure highlights those words. */
  prompts: ['The woman lost', 'The man lost'],
  /** The earlier words the model follows, one per prompt, as the prose names them. */
  cues: ['woman', 'man'],
  /** The two next tokens compared, each a single token: the first prompt ranks words[0] above words[1], the second the reverse. */
  words: [' her', ' his'],
  /** A rarer noun in the same place that the model does not follow: words[1] still leads words[0] here. */
  unfollowed: 'The queen lost',
} as const;

export type ContextPair = typeof CONTEXT_PAIR;
