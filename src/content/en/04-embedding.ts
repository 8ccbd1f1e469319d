import type { ChapterText } from '../types';

const chapter: ChapterText = {
  title: 'Embedding',
  lede: 'Each token id picks out one row of a learned matrix, and that row of numbers becomes the token’s starting vector.',
  body: [
    'The **embedding matrix** $W_e$ holds one vector for every token in the vocabulary. To embed a token, the model simply looks up that vector. The lesson draws $W_e$ with one **column** per token; our code, like GPT-2’s, stores the same numbers turned on their side, one **row** per token, in a table called wte. Every formula and readout in this app uses rows: the vector of token id is $W_e[\\text{id}, :]$, which is column id of the lesson’s picture. Our vectors have {C} numbers each, so $W_e$ holds {V} × {C} of them. GPT-3’s vectors have 12,288 numbers, so its $W_e$ alone holds $50{,}257 \\times 12{,}288 = 617{,}558{,}016$ parameters.',
    'Where do the numbers come from? GPT-2 starts $W_e$ as random noise, like every other weight, and lets training shape it. Ours got a head start. Before training, we counted which tokens occur near which others in the training text (**co-occurrence**), kept how much more often each pair meets than chance would predict (**PPMI**), and squeezed that {V} × {V} table down to {C} numbers per token with a **singular value decomposition** (SVD). Tokens that keep similar company get similar rows, so the geometry described below is there from the start instead of having to emerge from millions of guesses. Training then moved $W_e$ like every other weight, only at a third of the learning rate, so that much of this geometry survives (the table under this chapter’s figure, and the same one in the embedding lab, sets the analogies of $W_e$ before training beside those after it: you can see which ones training kept and which it lost).',
    'A token’s vector says nothing about where the token stands, yet order matters: “dog bites man” is not “man bites dog”. So a second learned table, the **position embedding**, holds one vector for each of the {T} positions, and the model adds the position’s vector to the token’s vector. That sum is what enters the first block.',
    'Think of each vector as a point, or an arrow, in a space with {C} dimensions. In a good embedding, **directions carry meaning**. The classic example: the step from “man” to “woman” points roughly the same way as the step from “king” to “queen”, so $E_{\\text{king}} - E_{\\text{man}} + E_{\\text{woman}}$ lands close to $E_{\\text{queen}}$. Somewhere in the space there is something like a gender direction; moving along it changes that one aspect of a word and leaves the rest alone.',
    'The tool for measuring this is the **dot product**. Algebraically, it multiplies matching components and adds them up: $\\vec a \\cdot \\vec b = \\sum_i a_i b_i$. Geometrically, it equals $|\\vec a|\\,|\\vec b|\\cos\\theta$, so it is positive when two vectors point the same way, zero when they are perpendicular and negative when they point in opposite directions. It measures alignment, and it comes back in every chapter that follows.',
    'In the **embedding lab** you can do this arithmetic on our model’s own $W_e$. Our model has read far less text than the big ones, so its geometry is much rougher: expect some analogies to work and others to fail.',
  ],
  tryThis: [
    'Select a token to see its vector as a strip of {C} coloured cells, then look at the position vector that is added to it.',
    'Use the same word twice in different places: the two token vectors are identical, but once the position embedding is added, the sums differ.',
    'Open the embedding lab and try king − man + woman: which tokens come out nearest?',
  ],
};

export default chapter;
