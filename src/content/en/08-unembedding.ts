import type { ChapterText } from '../types';

const chapter: ChapterText = {
  title: 'Unembedding',
  lede: 'A final matrix turns the last vector into one score for every token in the vocabulary.',
  body: [
    'To predict the next token, the model takes the **last** vector in the sequence, after the final layer norm, and multiplies it by the **unembedding matrix** $W_u$. $W_u$ has one row for every vocabulary entry, {V} here, so the result is {V} numbers: one raw score, called a **logit**, per token. Each logit is a dot product, measuring how well the final vector lines up with that token’s row.',
    'In GPT-3, $W_u$ is $50{,}257 \\times 12{,}288$: counted as a matrix of its own, as the lesson counts it, another 617 million parameters. (The notes made from the lesson give its size as “50000 rows × 1200 columns”; the width is in fact 12,288, the same as $W_e$’s.) A model can also reuse $W_e$ for this job, which is called tying the weights: GPT-2 does, and the GPT-3 paper says it keeps GPT-2’s model and architecture, so GPT-3 may well count those 617 million once; the paper does not say, and the parameter counter under “Looking deeper” shows both counts. Ours keeps a separate $W_u$ (untied), so reading a word in and writing a word out are learned independently.',
    'Why only the last vector? After passing through every block it has gathered, through attention, what it needs from the context, and the token we want is the one that comes right after it. The other vectors are not wasted, though. During **training**, every position predicts the token that follows it: the first position guesses the second token, the second guesses the third, and so on, while the causal mask makes sure none of them can peek. So a single pass over {T} tokens yields {T} predictions to grade at once, which makes training far more efficient.',
    'The model actually computes logits at every position; when it generates text, only the last row is used.',
  ],
  tryThis: [
    'Take the two tokens with the highest logits and subtract one logit from the other: softmax, in the next chapter, makes the first token e to the power of that difference times as likely as the second. Check it against the probabilities there.',
    'Select an earlier token to see what the model predicted would follow it, and compare that with the word you actually wrote.',
  ],
};

export default chapter;
