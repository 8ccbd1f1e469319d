import type { ChapterText } from '../types';

const chapter: ChapterText = {
  title: 'What GPT means',
  lede: 'A GPT reads a piece of text and answers a single question: what is likely to come next?',
  body: [
    '**GPT** stands for **Generative Pre-trained Transformer**. Each of the three words says something about the machine, and this explainer takes them apart one at a time, with a real model running in your browser as you read. The chapters follow **3Blue1Brown’s lesson on GPT** (the video “But what is a GPT?”, part of his series on neural networks) and a set of Chinese notes made from it. Whenever a chapter says “the lesson”, it means that video and those notes; the link is under this chapter’s figure.',
    '**Generative**: the model produces new text. It does not look sentences up in a database; it writes them, one small piece at a time.',
    '**Pre-trained**: before it is good for anything, the model learns from a large amount of text by playing one game over and over: guess the next piece, then compare the guess with what actually came next. The “pre” hints that this is only the first stage. A pre-trained model can later be **fine-tuned** with extra training for a particular job, such as following instructions or holding a conversation.',
    '**Transformer**: the kind of neural network inside. Its signature part, **attention**, lets every word in the text take the other words into account. Most of the chapters that follow are a guided tour of a transformer.',
    'One thing to get right from the start: the output is not a word. It is a **probability distribution** over the next token, one probability for every entry in the vocabulary, all adding up to 1. Choosing a word from that distribution is a separate step, and a surprisingly flexible one.',
    'The model running here is tiny: {L} layers, {NH} attention heads, vectors of {C} numbers, trained from scratch on the Brown Corpus (a collection of American English from 1961) and the definitions in the WordNet dictionary. GPT-3 has 175 billion parameters; ours has a tiny fraction of that. The architecture is the same, only smaller, and every number the figures show is computed from your own text.',
  ],
  tryThis: [
    'Type a sentence into the box and look at the bars: each one is a candidate next token with its probability.',
    'Stop your text in the middle of a familiar phrase, such as “the United”, and see how confident the model is. Then end it after a comma instead and compare how spread out the bars become.',
  ],
};

export default chapter;
