import type { ChapterText } from '../types';

const chapter: ChapterText = {
  title: 'The data flow',
  lede: 'Text goes in at one end, a probability for every possible next token comes out at the other, and in between it is matrix multiplication almost all the way.',
  body: [
    'Here is the whole trip at a glance. The text is cut into **tokens**. Each token is swapped for a **vector**, a list of {C} numbers. The vectors then pass through a stack of {L} **blocks**. Each block has an **attention** step, where the vectors exchange information, followed by an **MLP** step, where each vector is processed on its own. At the end, the **last** vector is turned into a score for every token in the vocabulary, and the scores into probabilities.',
    'Attention is the only place where vectors talk to each other. It is how “bank” can find out whether it sits next to “river” or next to “money”. In the MLP, by contrast, every vector is asked the same set of questions in parallel, without looking at its neighbours, and is updated according to its answers.',
    'Nearly all of the computation is **matrix multiplication**, and it pays to keep two kinds of numbers apart. **Weights**, also called parameters, are the numbers inside the matrices: they were learned during training and stay fixed while the model runs. **Data** is the vectors flowing through: they encode your particular text and change with every word you type. A forward pass multiplies data by weights, again and again.',
    'Most of GPT-3’s 175 billion weights sit in its 96 blocks. Our model has the same design with {L} blocks, small enough that you can follow a single word through every stage.',
  ],
  tryThis: [
    'Press play on the stepper and watch the data move from stage to stage; pause anywhere to look at the actual numbers.',
    'Change one word of your text and step through again: the weights have not changed at all, only the data has.',
  ],
};

export default chapter;
