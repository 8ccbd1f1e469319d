import type { ChapterText } from '../types';

const chapter: ChapterText = {
  title: 'Attention',
  lede: 'Attention is where the vectors talk to each other: each position gathers information from the earlier positions that look relevant to it.',
  body: [
    'Fresh from the embedding, each vector knows its own token and position but nothing about its surroundings: the “model” in “fashion model” and the one in “machine learning model” start out as the same vector. Attention lets the context pull each vector towards a more specific meaning. It works on at most {T} tokens at a time (2,048 for GPT-3), the **context length**. Anything earlier has simply fallen out of the window, which is why a chatbot in a long conversation can seem to forget how it began.',
    'Inside each **head**, every vector is multiplied by three learned matrices. Its **query** $q$ is the question it asks (“are there any adjectives in front of me?”), its **key** $k$ is what it advertises about itself (“I am an adjective”), and its **value** $v$ is the content it hands over if it gets picked. A query and a key match when their dot product is large. Our model has {NH} heads working on vectors of {HS} numbers; GPT-3 has 96 heads of 128.',
    'All those dot products together form a score matrix, $S = QK^\\top / \\sqrt{d_{\\text{head}}}$, with one row per token asking and one column per token being looked at; dividing by $\\sqrt{d_{\\text{head}}}$ keeps the scores in a comfortable range. The **causal mask** then sets every entry above the diagonal to $-\\infty$, so a token may never look at the tokens after it. That is what lets training check the prediction at every position in one pass without any position seeing its own answer. Finally a **softmax** along each row turns the scores into weights between 0 and 1 that add up to 1.',
    'Each position’s output is the weighted sum of the value vectors, $\\mathrm{softmax}(S)\\,V$. Take “the rusty old bicycle”. If some head has learned to look for adjectives, the row for “bicycle” puts most of its weight on “rusty” and “old”, what they carry is added into the vector for “bicycle”, and that vector now means something closer to a rusty old bicycle.',
    'The heads run side by side, each with its own matrices, so each is free to look for something different: the previous word, a matching quotation mark, the subject of the sentence. Their outputs are joined together and mixed back to {C} numbers by an **output projection**. Last comes the **residual** connection: the block does not replace the vector, it **adds** its result, $x \\leftarrow x + \\mathrm{attn}(\\mathrm{LN}(x))$, nudging the meaning instead of overwriting it. (The layer norm $\\mathrm{LN}$ is explained in the chapter on layers.)',
    'The lesson’s notes show context at work with Harry Potter: if the text ends with “professor” and has mentioned Harry Potter and a least favourite teacher, a well-trained model should give “Snape” a high score. Our model has never read Harry Potter (it learned from American English of the 1960s and a dictionary), so the figure below the attention map makes the same point with two prompts it can handle. They differ in one word, “woman” or “man”, yet after the first the model ranks ␣her above ␣his as the next token, and after the second the reverse. The last position holds the same token, “lost”, in both, so what differs there can only have come back from the noun through attention. It does not do that for every noun: after “The queen lost”, ␣his still leads.',
  ],
  tryThis: [
    'Pick a layer and a head and look at its weight matrix: every row sums to 1 and everything above the diagonal is exactly 0. Which earlier tokens does each row favour?',
    'Switch between the heads of one layer and compare their patterns. Does any head keep looking at the token just before? Does any spread its attention widely?',
    'Change one word of your text, say “king” to “queen”, and see which rows of the weight matrix change: only that word’s row and the rows after it, because attention looks only backwards.',
  ],
};

export default chapter;
