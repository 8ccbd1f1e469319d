import type { ChapterText } from '../types';

const chapter: ChapterText = {
  title: 'Tokens',
  lede: 'The model never sees letters or words, only a sequence of token ids taken from a fixed vocabulary.',
  body: [
    'Before anything else happens, the text is cut into **tokens**, the small pieces the model treats as its basic units. Common words usually get a token of their own, often including the space in front of them (in GPT-2, “␣the”, with its space, and “the” are two different tokens; the figures write a leading space as ␣). Rarer words are split into **word pieces**: a long or unusual word may come out as two, three or more tokens. For images or sound, a token would be a small patch of the picture or a snippet of audio; the idea is the same.',
    'Each token is really just a number, its **id**: its position in the model’s **vocabulary**, the fixed list of every token it knows. Our vocabulary has {V} entries. GPT-2 and GPT-3 share a vocabulary of 50,257.',
    'The vocabulary is built by **byte-pair encoding** (BPE): start from single bytes, then repeatedly merge the pair that occurs together most often in the training text into a new token, until the list is full. Frequent words end up whole and rare ones stay in pieces. Because every single byte is in the list, any text at all can be encoded, even text the model has never seen, such as Chinese, which comes out as a string of separate bytes.',
    'A smaller vocabulary means more pieces per word, and that has a cost: the same text uses up more of the limited context, and the model has to learn to assemble meaning from fragments. Our vocabulary was learned from American English of 1961, so words that did not exist yet have no token of their own and must be spelled out from pieces.',
  ],
  tryThis: [
    'Compare our tokens with GPT-2’s tokenization of the same text, shown alongside: where does the bigger vocabulary keep a word whole that ours breaks up?',
    'Type a word that did not exist in 1961, such as “smartphone” or “podcast”, and count its pieces.',
    'Hover over a token to see its id.',
  ],
};

export default chapter;
