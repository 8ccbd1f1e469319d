// Joins the words of one paragraph into readable text, the way a typesetter would space them.
// Brown gives words and punctuation as separate tokens; readers expect "end." not "end ." and
// quotes hugging the words they enclose.

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', ']', '}', '%', '...', "n't", "'s", "'re", "'ve", "'ll", "'d", "'m"]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$']);

// Brown writes opening double quotes as `` and closing ones as '', so their direction is known.
const OPEN_DOUBLE = '``';
const CLOSE_DOUBLE = "''";
// A lone ' is used for both opening and closing single quotes; they alternate within a paragraph.
const SINGLE = "'";
// A slash between tokens ("counts / minute") stands for a ratio and binds both sides.
const SLASH = '/';

// Brown often repeats a sentence's final mark ("that '' ? ?"): once for the quotation and once
// for the sentence. A reader sees one.
const DOUBLED = new Set(['?', '!', ';', ':', ',']);
// Brown puts a closing quote before the punctuation that follows it ('' ,); edited American
// prose puts commas, periods, question and exclamation marks inside the quotes.
const MOVES_INSIDE_QUOTES = new Set([',', '.', '?', '!']);
const DASH = '--';
const DIGIT_END = /\d$/;
const DIGIT_START = /^\d/;

// Inch marks are written 10'' and always followed by a stray '' token that closes nothing.
const INCHES = /^.+''$/;

function normalisePunctuation(tokens: readonly string[]): string[] {
  const out = tokens.filter((w, i) => {
    const previous = tokens[i - 1] ?? '';
    if (DOUBLED.has(w) && previous === w) return false;
    return !(w === CLOSE_DOUBLE && INCHES.test(previous));
  });
  for (let i = 0; i + 1 < out.length; i++) {
    const next = out[i + 1];
    // A dash ending a paragraph is speech broken off: I --" rather than I" --.
    const brokenOff = next === DASH && i + 2 === out.length;
    if (out[i] === CLOSE_DOUBLE && (MOVES_INSIDE_QUOTES.has(next) || brokenOff)) {
      out[i] = next;
      out[i + 1] = CLOSE_DOUBLE;
      i++;
    }
  }
  return out;
}

// True for a token that is printed against the word before it (a comma, a closing quote...).
export function attachesToPrevious(word: string): boolean {
  return word === CLOSE_DOUBLE || NO_SPACE_BEFORE.has(word.toLowerCase());
}

export function detokenize(tokens: readonly string[]): string {
  const words = normalisePunctuation(tokens);
  let out = '';
  let glueNext = true;
  let singleOpen = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    // An abbreviation that ends a sentence ("Jr." then ".") is printed with a single period.
    if (word === '.' && out.endsWith('.')) continue;
    let text = INCHES.test(word) ? `${word.slice(0, -2)}"` : word;
    let opens = false;
    let closes = NO_SPACE_BEFORE.has(word.toLowerCase());
    if (word === OPEN_DOUBLE) {
      text = '"';
      opens = true;
    } else if (word === CLOSE_DOUBLE) {
      text = '"';
      closes = true;
    } else if (word === SINGLE) {
      opens = !singleOpen;
      closes = singleOpen;
      singleOpen = !singleOpen;
    } else if (word === SLASH) {
      opens = true;
      closes = true;
    } else if (word === ':' && DIGIT_END.test(words[i - 1] ?? '') && DIGIT_START.test(words[i + 1] ?? '')) {
      // A ratio such as 1:512.
      opens = true;
    }
    if (!glueNext && !closes) out += ' ';
    out += text;
    glueNext = opens || NO_SPACE_AFTER.has(word);
  }
  return out;
}
