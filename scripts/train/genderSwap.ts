import type { Tokenizer } from '../../src/core/tokenizer/index.ts';
import type { Rng } from '../../src/core/rng.ts';

// Counterfactual data augmentation (Lu et al., 2018, "Gender Bias in Neural Natural Language Processing"): some
// training windows are read with every gendered word swapped for its counterpart, "The king said that he" as "The
// queen said that she". In the corpus a pronoun is masculine after most nouns of either gender (README, "Following
// a noun in running text"), so a model can guess ␣he without reading the noun; in a swapped window that guess is as
// often wrong as right, and only the noun tells them apart.

/** Word pairs, masculine first. `her` is handled apart: it stands for both `him` and `his`. */
export const PAIRS: readonly (readonly [string, string])[] = [
  ['he', 'she'],
  ['himself', 'herself'],
  ['man', 'woman'],
  ['men', 'women'],
  ['king', 'queen'],
  ['kings', 'queens'],
  ['boy', 'girl'],
  ['boys', 'girls'],
  ['father', 'mother'],
  ['fathers', 'mothers'],
  ['son', 'daughter'],
  ['sons', 'daughters'],
  ['brother', 'sister'],
  ['brothers', 'sisters'],
  ['husband', 'wife'],
  ['husbands', 'wives'],
  ['Mr', 'Mrs'],
  ['gentleman', 'lady'],
  ['gentlemen', 'ladies'],
  ['uncle', 'aunt'],
  ['nephew', 'niece'],
  ['prince', 'princess'],
  ['male', 'female'],
  ['males', 'females'],
  ['sir', 'madam'],
  ['grandfather', 'grandmother'],
  ['widower', 'widow'],
  ['actor', 'actress'],
  ['monk', 'nun'],
  ['emperor', 'empress'],
  ['duke', 'duchess'],
  ['groom', 'bride'],
];

/**
 * After these, `her` is an object (him): punctuation, and the words that follow an object rather than begin a noun
 * phrase. Before anything else it is taken as a possessive (his): "her mother", "her own", "her only child".
 */
export const OBJECT_FOLLOWERS = (
  'to and the a an in that for with at on of as by from up out again away down off so but or if when about into now ' +
  'too then was is had all over before after because until what how why where this it not there here well more once ' +
  'alone through around like than just some any which who whom his her their my your our its yet also even across ' +
  'toward towards against along himself herself those these no nothing anything something everything he she they I ' +
  'we you'
).split(' ');

export interface GenderSwap {
  /** Token id → its counterpart (itself when it has none). */
  table: Uint16Array;
  /** Tokens that carry on the word before them (no leading space, a letter first): "d" in " her" + "d" (herd). */
  continuesWord: Set<number>;
  /** Tokens that end in a letter, after which a spaceless "He" is the middle of a word, not its start. */
  endsInLetter: Set<number>;
  /** The `her` tokens, each with its masculine possessive (his) and object (him). */
  her: Map<number, { his: number; him: number }>;
  /** Tokens after which `her` is an object. */
  objectFollowers: Set<number>;
}

function single(tokenizer: Tokenizer, text: string): number | null {
  const ids = tokenizer.encode(text);
  return ids.length === 1 ? ids[0] : null;
}

/**
 * The ways a word starts a token: after a space, capitalised after a space, and with no space (after a newline or a
 * bracket), capitalised or not.
 */
function variants(word: string): [string, string, string, string] {
  const capital = word[0].toUpperCase() + word.slice(1);
  return [` ${word}`, ` ${capital}`, capital, word];
}

/** Builds the swap for this vocabulary; a pair is swapped where both of its words are single tokens. */
export function buildGenderSwap(tokenizer: Tokenizer): GenderSwap {
  const table = new Uint16Array(tokenizer.vocabSize).map((_, i) => i);
  const link = (a: string, b: string) => {
    const [x, y] = [single(tokenizer, a), single(tokenizer, b)];
    if (x === null || y === null) return;
    table[x] = y;
    table[y] = x;
  };
  for (const [male, female] of PAIRS) {
    const [m, f] = [variants(male), variants(female)];
    m.forEach((v, i) => link(v, f[i]));
  }
  const her = new Map<number, { his: number; him: number }>();
  variants('her').forEach((v, i) => {
    const [h, his, him] = [single(tokenizer, v), single(tokenizer, variants('his')[i]), single(tokenizer, variants('him')[i])];
    if (h === null || (his === null && him === null)) return;
    // Where one masculine form is not a single token (" Him"), her becomes the other one.
    her.set(h, { his: his ?? him!, him: him ?? his! });
    if (his !== null) table[his] = h;
    if (him !== null) table[him] = h;
  });
  const continuesWord = new Set<number>();
  const endsInLetter = new Set<number>();
  for (let id = 0; id < tokenizer.vocabSize; id++) {
    const text = tokenizer.tokenText(id);
    if (/^\p{L}/u.test(text)) continuesWord.add(id);
    if (/\p{L}$/u.test(text)) endsInLetter.add(id);
  }
  const objectFollowers = new Set<number>();
  for (const word of OBJECT_FOLLOWERS) {
    const id = single(tokenizer, ` ${word}`);
    if (id !== null) objectFollowers.add(id);
  }
  // Punctuation and line ends: any token with no letter in it.
  for (let id = 0; id < tokenizer.vocabSize; id++) if (!/\p{L}/u.test(tokenizer.tokenText(id))) objectFollowers.add(id);
  return { table, her, objectFollowers, continuesWord, endsInLetter };
}

/**
 * The window with every gendered word swapped; `her` becomes `him` or `his` by the token after it. A token that is
 * only the first piece of a longer word (" her" + "d") stays as it is, and so does the window's last token, whose
 * next token is not in the window: pass one token more than is read, and drop it.
 */
export function swapGender(tokens: ArrayLike<number>, swap: GenderSwap): number[] {
  const out = Array.from(tokens);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [id, next] = [tokens[i], tokens[i + 1]];
    if (swap.continuesWord.has(next)) continue;
    // A spaceless capital ("He" at a line's start) inside a word: "t" + "He".
    if (swap.continuesWord.has(id) && i > 0 && swap.endsInLetter.has(tokens[i - 1])) continue;
    const forms = swap.her.get(id);
    out[i] = forms ? (swap.objectFollowers.has(next) ? forms.him : forms.his) : swap.table[id];
  }
  return out;
}

/** Which of a step's windows are read swapped: each with probability `share`, from the step's own generator. */
export function drawSwapped(rng: Rng, count: number, share: number): boolean[] {
  return Array.from({ length: count }, () => rng.next() < share);
}
