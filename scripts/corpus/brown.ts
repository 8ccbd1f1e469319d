// Turns one Brown Corpus file (NLTK's tagged "form C": word/tag tokens, one sentence per line,
// paragraphs separated by blank lines) back into readable prose.
import { attachesToPrevious, detokenize } from './detokenize.ts';

export interface BrownToken {
  word: string;
  tag: string;
}

// Tags such as np-hl or nn-tl-hl mark words that belong to a headline or heading.
const HEADLINE_TAG = /(^|-)hl(-|$)/;
// Tokens like **yl stand for mathematical symbols the corpus could not encode; they read as noise.
const SYMBOL_PLACEHOLDER = /^\*\*/;
const SENTENCE_END = new Set(['.', '?', '!', ';']);
const CLOSING_QUOTES = new Set(["''", "'"]);

// The word is everything before the last slash, so "1/2/cd" is the word "1/2".
export function parseBrownToken(token: string): BrownToken {
  const slash = token.lastIndexOf('/');
  if (slash <= 0 || slash === token.length - 1) {
    throw new Error(`Brown token "${token}" is not in word/TAG form (expected a word, a slash, then a tag)`);
  }
  return { word: token.slice(0, slash), tag: token.slice(slash + 1) };
}

// A headline line is one whose words are mostly tagged -hl, or one that carries -hl tags and
// does not end like a sentence ("Congress: more muscle"). Headlines become paragraphs of their own
// instead of running into the sentence that follows them.
export function isHeadline(tokens: readonly BrownToken[]): boolean {
  const headlineCount = tokens.filter((t) => HEADLINE_TAG.test(t.tag)).length;
  if (headlineCount === 0) return false;
  if (headlineCount * 2 > tokens.length) return true;
  let last = tokens.length - 1;
  while (last > 0 && CLOSING_QUOTES.has(tokens[last].word)) last--;
  return !SENTENCE_END.has(tokens[last].word);
}

interface Paragraph {
  words: string[];
  headline: boolean;
}

// Brown sometimes breaks a paragraph in mid-sentence with blank lines (lists, tables, a lone
// "." on its own line). A lower-case word after a paragraph whose sentence is unfinished
// carries on that paragraph.
function continuesSentence(previous: Paragraph | undefined, first: string): previous is Paragraph {
  if (!previous || previous.headline) return false;
  const last = previous.words[previous.words.length - 1];
  return !SENTENCE_END.has(last) && !CLOSING_QUOTES.has(last) && /^[a-z]/.test(first);
}

// (lines of one Brown file) -> document text, paragraphs separated by "\n".
// `source` names the file in error messages.
export function detokenizeBrown(lines: readonly string[], source = 'Brown text'): string {
  const paragraphs: Paragraph[] = [];
  // The paragraph that the next line joins; null after a blank line or a headline.
  let open: Paragraph | null = null;
  lines.forEach((line, i) => {
    const raw = line.trim();
    if (raw === '') {
      open = null;
      return;
    }
    let tokens: BrownToken[];
    try {
      tokens = raw.split(/\s+/).map(parseBrownToken);
    } catch (err) {
      throw new Error(`${source}, line ${i + 1}: ${(err as Error).message}`, { cause: err });
    }
    tokens = tokens.filter((t) => !SYMBOL_PLACEHOLDER.test(t.word));
    if (tokens.length === 0) return;
    const words = tokens.map((t) => t.word);
    const headline = isHeadline(tokens);
    const previous = paragraphs[paragraphs.length - 1];
    // A line opening with a comma, period or closing quote can only finish what came before.
    if (previous && attachesToPrevious(words[0])) {
      previous.words.push(...words);
      open = previous.headline || headline ? null : previous;
    } else if (headline) {
      paragraphs.push({ words, headline: true });
      open = null;
    } else {
      if (open === null && continuesSentence(previous, words[0])) open = previous;
      if (open === null) {
        open = { words: [], headline: false };
        paragraphs.push(open);
      }
      open.words.push(...words);
    }
  });
  return paragraphs.map((p) => detokenize(p.words)).join('\n');
}
