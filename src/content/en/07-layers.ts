import type { ChapterText } from '../types';

const chapter: ChapterText = {
  title: 'Stacking layers',
  lede: 'A GPT repeats its attention-plus-MLP block many times, and every block reads from and writes to one shared running sum, the residual stream.',
  body: [
    'One attention step followed by one MLP step makes a **block**, also called a layer. Our model stacks {L} of them; GPT-2 small has 12 and GPT-3 has 96. The blocks all have the same shape but each has its own weights, so each can learn to do something different.',
    'Because every step adds its result to the vector instead of replacing it, you can picture a single **residual stream** running from the embedding to the output: $x_{\\text{final}} = x_0 + \\Delta_1 + \\Delta_2 + \\cdots$, one change from each attention and each MLP. Every step reads the current sum and writes a small correction into it. This also makes the network far easier to train, because the signal, and during training the gradient, can always flow straight along the stream.',
    'With {L} blocks adding to the same vectors, the numbers could drift to awkward sizes. So before reading from the stream, each step applies **layer normalization**: it shifts and scales the vector so that its {C} numbers have mean 0 and variance 1, then multiplies by a learned scale $\\gamma$ and adds a learned shift $\\beta$: $\\mathrm{LN}(x) = \\gamma \\odot \\frac{x - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}} + \\beta$. The tiny $\\epsilon$ only guards against dividing by zero. Only the copy a step reads is normalized; the stream itself keeps its full size. That is why the stream may grow unevenly, and in our model it does: the residual figure shows $|x|$ jumping at the first MLP, which, for most tokens, writes a change more than twice as large as the embedding it is added to. Nothing asks a step to write at the embedding’s scale, and since every later step reads a normalized copy, what matters to them is the direction the stream points in, not its length; training let the first MLP’s contribution dominate the sum.',
    'After the last block comes one more, the **final layer norm**, which gets the last vectors into shape for the unembedding. Studies of large models suggest that early layers tend to handle local matters, such as gluing word pieces together and grammar, while later ones deal with meaning and with what ought to come next. That is a tendency rather than a rule, and with only {L} layers the division of labour can only be coarse.',
  ],
  tryThis: [
    'Step through the layers while watching one token’s vector in the residual stream: how much does each block change it?',
    'Compare a vector before and after layer norm: how does the range of its numbers change?',
  ],
};

export default chapter;
