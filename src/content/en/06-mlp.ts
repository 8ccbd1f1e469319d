import type { ChapterText } from '../types';

const chapter: ChapterText = {
  title: 'The MLP',
  lede: 'In the MLP, every vector answers the same long list of questions, on its own and in parallel, and the answers are added back in.',
  body: [
    'After attention comes the **multi-layer perceptron** (MLP), also called the feed-forward layer. Here the vectors no longer talk to each other: the same computation is applied to every position, independently and in parallel. In GPT-3, about two thirds of all parameters sit in these layers, and they are thought to hold much of what the model “knows”.',
    'First, the **up-projection** $W_{\\uparrow}$ (c_fc in the code) maps the {C} numbers to four times as many. Picture $W_{\\uparrow}$ as a stack of rows, each one a **question**: its dot product with the vector measures how well the vector matches some direction, say “does this look like the name Marie Curie?”. Add a learned bias, and each of the 4 × {C} results is one **neuron**’s raw answer. (Our code stores this matrix transposed, with shape (C, 4C), so there each question is a column.)',
    'Next, every neuron goes through **GELU**, a smooth switch: large negative inputs come out close to 0, positive ones pass through nearly unchanged, with a soft bend in between. The formula is $\\mathrm{GELU}(x) = x\\,\\Phi(x)$, where $\\Phi$ is the cumulative distribution function of the standard normal distribution (the code uses the tanh approximation that GPT-2 uses). That bend is essential. Two matrix multiplications in a row collapse into a single one, so without a nonlinearity the MLP could only ever compute a linear function and could never express “yes, but only if both of these are true”. With it, a neuron can stay quiet until its question really is answered yes.',
    'Finally the **down-projection** $W_{\\downarrow}$ (c_proj) maps the 4 × {C} answers back to {C} numbers. Read it column by column: each neuron owns one column (a row in the code’s layout), a direction in the embedding space, and a firing neuron adds its direction to the output, scaled by how strongly it fired. The residual connection then adds the result to the vector once more: $x \\leftarrow x + \\mathrm{MLP}(\\mathrm{LN}(x))$.',
    'A simplified but useful picture: suppose a vector carries both the direction for “first name Marie” and the one for “surname Curie”. A neuron whose question is roughly the sum of the two, thanks to its bias and the GELU, fires only when both are present, and its column in $W_{\\downarrow}$ might add directions for “physics”, “radioactivity” and “Poland”. That is a fact, stored in weights. Real neurons are messier, and most respond to a blend of many features, but the mechanism is the same.',
  ],
  tryThis: [
    'Select a token and look at which neurons fire after the GELU. How many stay near zero? Compare the first layer with the later ones.',
    'Select the same word in two different sentences and compare which neurons fire.',
  ],
};

export default chapter;
