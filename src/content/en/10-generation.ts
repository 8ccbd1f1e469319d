import type { ChapterText } from '../types';

const chapter: ChapterText = {
  title: 'Generating text',
  lede: 'To write, the model predicts a distribution, draws one token from it, appends that token to the text, and starts again.',
  body: [
    'One forward pass only gives a distribution for a single next token. To produce longer text, the model runs in a loop: compute the probabilities, **sample** one token from them, append it to the input, and run the whole model again on the longer text. Every new token is the result of a complete pass through all {L} blocks.',
    'Sampling is random but not arbitrary: a token with probability 0.3 is drawn about 30% of the time. The randomness comes from a pseudo-random generator started from a **seed**. The same text, the same settings and the same seed always give the same continuation, so you can reproduce an interesting result, or change a single setting and see exactly what it does.',
    'The loop cannot go on forever here. Once the text fills the context window of {T} tokens, generation stops. Larger systems slide the window forward instead, forgetting the beginning as they go.',
    'A chatbot is this same loop with a script around it. The conversation is laid out as one long text: a hidden system prompt that describes the assistant, then alternating turns marked as the user’s and the assistant’s. The model continues that text one token at a time until it produces a special token that ends its turn. What makes a chatbot helpful and polite is the fine-tuning mentioned in the first chapter; underneath, it is still predicting the next token.',
    'Our model was pre-trained on a small slice of mid-century American English and on the definitions in the WordNet dictionary, and never fine-tuned, so do not expect it to follow instructions. It simply carries on writing in the style of what it has read.',
  ],
  tryThis: [
    'Press “generate one” a few times and watch each new token join the text while every figure updates.',
    'Generate twice with the same seed, then change only the seed or only the temperature (the panel has both), and compare the continuations.',
  ],
};

export default chapter;
