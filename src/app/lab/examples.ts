// The lab's example chips, each with the word the shipped model ranks first (inputs excluded, whole
// words). tests/lab-shipped.test.ts checks every answer, so a chip never promises what the model
// does not do; replace examples that fail after retraining rather than loosening that test.
export const EXAMPLES: readonly { expression: string; answer: string }[] = [
  { expression: 'king - man + woman', answer: 'queen' },
  { expression: 'boy - man + woman', answer: 'girl' },
  { expression: 'son - man + woman', answer: 'daughter' },
  { expression: 'he - man + woman', answer: 'she' },
  { expression: 'came - come + go', answer: 'went' },
  { expression: 'took - take + give', answer: 'gave' },
  // The nearest kind to the lesson's Italy + Hitler − Germany ≈ Mussolini that works on our W_e (chapter 4).
  { expression: 'German - Germany + France', answer: 'French' },
];

/**
 * The lesson's own second example, which the lab cannot answer: its two names are not single tokens here. The lab
 * fills it in on request, so the reader sees the split, and names the pieces of both.
 */
export const LESSON_EXAMPLE = { expression: 'Italy + Hitler - Germany', names: ['Hitler', 'Mussolini'] } as const;

/**
 * A sentence where injecting the default expression's vector visibly moves the prediction: at ␣king, the
 * king − man + woman vector cuts ␣his and ␣he and raises ␣her after “He saw the king and”, and the table shows all
 * three. tests/lab-shipped.test.ts checks it.
 */
export const INJECTION_EXAMPLE = { text: 'He saw the king and', expression: 'king - man + woman', at: ' king' } as const;

/** The injection table lists this many tokens from the top before, from the top after and by how much they moved. */
export const INJECTION_ROWS_PER_LIST = 6;
