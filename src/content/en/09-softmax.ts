import type { ChapterText } from '../types';

const chapter: ChapterText = {
  title: 'Softmax and temperature',
  lede: 'Softmax turns raw scores into probabilities, and the temperature decides how adventurous the choice among them will be.',
  body: [
    'Logits can be any real numbers, positive or negative, and they do not add up to anything in particular. To read them as a probability distribution, every value has to lie between 0 and 1 and together they have to sum to 1. **Softmax** does exactly that: it exponentiates each logit, which makes it positive and widens the gaps, then divides by the total: $\\mathrm{softmax}(x)_i = \\dfrac{e^{x_i/t}}{\\sum_j e^{x_j/t}}$. The largest logit gets the largest probability, but every token keeps some chance.',
    'The $t$ in the formula is the **temperature**. At $t = 1$ you get the model’s own distribution. A lower temperature stretches the gaps between logits, so the distribution grows sharper and the top token takes over; as $t \\to 0$ the model always picks the single most likely token, which is called greedy decoding (here $t = 0$ means exactly that). A higher temperature flattens the distribution and gives unlikely tokens a real chance: the text becomes more surprising, and eventually incoherent.',
    'Two more controls trim the long tail of unlikely tokens before sampling. **Top-k** keeps only the $k$ most likely tokens. **Top-p**, or nucleus sampling, keeps the smallest set of top tokens whose probabilities add up to at least $p$, so it keeps few when the model is confident and many when it is unsure. Either way, the surviving probabilities are rescaled to sum to 1 again.',
    'All of this works on logits that have already been computed, so moving a slider never reruns the model; it only reshapes the final distribution.',
  ],
  tryThis: [
    'Slide the temperature down towards 0 and watch the top bar swallow the others; slide it up and watch the bars even out.',
    'Set top-k to 5, then try top-p at 0.9 instead, and compare how many tokens survive for your text.',
  ],
};

export default chapter;
