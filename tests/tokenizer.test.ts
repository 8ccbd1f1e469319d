import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { encode as r50kEncode } from 'gpt-tokenizer/encoding/r50k_base';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToUnicode, pretokenize, Tokenizer } from '../src/core/tokenizer/index.ts';
import { rebuildGpt2Files } from '../scripts/lib/gpt2Vocab';

interface PretokenizeFixture {
  split: { text: string; chunks: string[] }[];
  decode: { hex: string; text: string }[];
}
// Written by scripts/tokenizer/gpt2_pretokenize_fixture.py with Python's `regex` and GPT-2's pattern.
const fixture = JSON.parse(
  readFileSync(fileURLToPath(new URL('./fixtures/gpt2-pretokenize.json', import.meta.url)), 'utf8'),
) as PretokenizeFixture;

const byteChars = bytesToUnicode();

/** A tokenizer with only the 256 byte tokens (ids in GPT-2 order) plus the given merges. */
function byteTokenizer(merges: [string, string][] = []): Tokenizer {
  const vocab = new Map<string, number>();
  for (const ch of byteChars.values()) vocab.set(ch, vocab.size);
  for (const [l, r] of merges) if (!vocab.has(l + r)) vocab.set(l + r, vocab.size);
  return new Tokenizer(vocab, merges);
}

describe('bytesToUnicode', () => {
  it('matches GPT-2: 256 distinct printable characters, shifted ones from U+0100', () => {
    expect(byteChars.size).toBe(256);
    expect(new Set(byteChars.values()).size).toBe(256);
    expect(byteChars.get(0x21)).toBe('!');
    expect(byteChars.get(0x00)).toBe('\u0100'); // Ā
    expect(byteChars.get(0x20)).toBe('\u0120'); // Ġ, the famous space
    expect(byteChars.get(0x0a)).toBe('\u010a'); // Ċ
    expect(byteChars.get(0xad)).toBe('\u0143'); // Ń, soft hyphen is the last shifted byte
    expect(byteChars.get(0xe9)).toBe('é');
    expect([...byteChars.keys()].slice(0, 3)).toEqual([0x21, 0x22, 0x23]);
    expect([...byteChars.keys()].slice(-1)).toEqual([0xad]);
    for (const ch of byteChars.values()) expect(ch).not.toMatch(/\s/u);
  });
});

describe('pretokenize', () => {
  const visible = (text: string) =>
    JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  it.each(fixture.split.map((c) => [visible(c.text), c] as const))('splits %s as Python regex does', (_, { text, chunks }) => {
    expect(pretokenize(text)).toEqual(chunks);
  });

  it('keeps one space for the next word', () => {
    expect(pretokenize('a   b')).toEqual(['a', '  ', ' b']);
    expect(pretokenize("we'll")).toEqual(['we', "'ll"]);
  });

  it('loses no characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => pretokenize(s).join('') === s),
      { numRuns: 500 },
    );
  });
});

describe('Tokenizer on a hand-made vocabulary', () => {
  it('applies merges by rank, lowest first, as GPT-2 does', () => {
    // "Ġhug": ranks make "u g" merge before "h u", so " hug" -> "Ġ", "h", "ug" -> "Ġh" "ug" -> "Ġhug".
    const tok = byteTokenizer([
      ['u', 'g'],
      ['Ġ', 'h'],
      ['h', 'u'],
      ['Ġh', 'ug'],
    ]);
    expect(tok.encode(' hug').map((id) => tok.tokenString(id))).toEqual(['Ġhug']);
    // Without a leading space only "ug" applies; "h u" can no longer fire.
    expect(tok.encode('hug').map((id) => tok.tokenString(id))).toEqual(['h', 'ug']);
    expect(tok.encode('hu').map((id) => tok.tokenString(id))).toEqual(['hu']);
    expect(tok.idOf('Ġhug')).toBe(259);
    expect(tok.vocabSize).toBe(260);
  });

  it('merges every occurrence of the best pair left to right', () => {
    const tok = byteTokenizer([['a', 'a']]);
    expect(tok.encode('aaaaa').map((id) => tok.tokenString(id))).toEqual(['aa', 'aa', 'a']);
  });

  it('decodes invalid UTF-8 to U+FFFD exactly as Python errors="replace" does', () => {
    const tok = byteTokenizer();
    for (const { hex, text } of fixture.decode) {
      const bytes = hex.match(/../g)!.map((h) => parseInt(h, 16));
      const ids = bytes.map((b) => tok.idOf(byteChars.get(b)!)!);
      expect(tok.decode(ids), hex).toBe(text);
    }
  });

  it('gives the text of one token, with U+FFFD for part of a character', () => {
    const tok = byteTokenizer([['â', 'Ĥ']]);
    const euro = tok.encode('€');
    expect(euro.map((id) => tok.tokenString(id))).toEqual(['âĤ', '¬']);
    expect(tok.tokenText(euro[0])).toBe('\ufffd');
    expect(tok.tokenText(tok.idOf('Ġ')!)).toBe(' ');
  });

  it('turns a lone surrogate into U+FFFD (it has no UTF-8 form) and keeps the rest', () => {
    const tok = byteTokenizer();
    expect(tok.decode(tok.encode('a\ud800b'))).toBe('a\ufffdb');
    expect(tok.decode(tok.encode('\udc00'))).toBe('\ufffd');
  });

  it('treats <|endoftext|> in the text as plain characters, like encoder.py', () => {
    const tok = Tokenizer.fromFiles(
      JSON.stringify({ ...Object.fromEntries([...byteChars.values()].map((ch, i) => [ch, i])), '<|endoftext|>': 256 }),
      '',
    );
    expect(tok.encode('<|endoftext|>')).not.toContain(256);
    expect(tok.idOf('<|endoftext|>')).toBe(256);
    expect(tok.decode([256])).toBe('<|endoftext|>');
  });

  it('refuses to encode text whose byte token is missing, naming the byte', () => {
    const tok = Tokenizer.fromFiles('{"a": 0, "b": 1, "ab": 2}', 'a b\n');
    expect(tok.encode('abba')).toEqual([2, 1, 0]);
    expect(() => tok.encode('abc')).toThrow(
      'Cannot encode "abc": byte 0x63 (token "c") is not in vocab.json. A byte-level vocabulary needs all 256 single-byte tokens.',
    );
  });

  it('refuses unknown ids', () => {
    const tok = Tokenizer.fromFiles('{"a": 0, "b": 1}', '');
    expect(() => tok.decode([0, 7])).toThrow('Token id 7 is not in vocab.json (ids run from 0 to 1).');
    expect(() => tok.tokenString(-1)).toThrow('Token id -1 is not in vocab.json');
    expect(tok.idOf('zzz')).toBeUndefined();
  });
});

describe('Tokenizer.fromFiles errors', () => {
  const vocab = '{"a": 0, "b": 1, "ab": 2, "c": 3}';
  const cases: [string, string, string, string][] = [
    ['not JSON', '{"a": 0,', '', 'vocab.json is not valid JSON ('],
    ['an array', '["a"]', '', 'vocab.json must be a JSON object mapping token strings to ids, like {"a": 0}, but it is an array.'],
    ['a string', '"a"', '', 'vocab.json must be a JSON object mapping token strings to ids, like {"a": 0}, but it is a string.'],
    ['a fractional id', '{"a": 0.5}', '', 'vocab.json: token "a" has id 0.5, but ids must be non-negative integers.'],
    ['a negative id', '{"a": -1}', '', 'vocab.json: token "a" has id -1, but ids must be non-negative integers.'],
    ['a string id', '{"a": "0"}', '', 'vocab.json: token "a" has id "0", but ids must be non-negative integers.'],
    ['a duplicate id', '{"a": 0, "b": 0}', '', 'vocab.json: id 0 is given to both "a" and "b"; each id must name one token.'],
    ['no tokens', '{}', '', 'vocab.json has no tokens.'],
    [
      'one symbol',
      vocab,
      '#version: 0.2\na b\nab\n',
      'merges.txt line 3: expected two symbols separated by one space, like "Ġ t", but found "ab".',
    ],
    ['three symbols', vocab, 'a b c\n', 'merges.txt line 1: expected two symbols separated by one space, like "Ġ t", but found "a b c".'],
    ['two spaces', vocab, 'a  b\n', 'merges.txt line 1: expected two symbols separated by one space, like "Ġ t", but found "a  b".'],
    ['an unknown symbol', vocab, 'a b\na z\n', 'merges.txt line 2: symbol "z" is not in vocab.json.'],
    ['a result missing', vocab, 'a b\nab c\n', 'merges.txt line 2: merging "ab" and "c" gives "abc", which is not in vocab.json.'],
    ['a repeated merge', vocab, 'a b\n\na b\n', 'merges.txt line 3: the merge "a b" already appears on line 1.'],
  ];
  it.each(cases)('rejects %s with one clear message', (_, vocabJson, mergesTxt, message) => {
    expect(() => Tokenizer.fromFiles(vocabJson, mergesTxt)).toThrow(message);
  });

  it('names the files it was given', () => {
    const names = { vocab: 'tiny/vocab.json', merges: 'tiny/merges.txt' };
    expect(() => Tokenizer.fromFiles('nope', '', names)).toThrow(/^tiny\/vocab\.json is not valid JSON/);
    expect(() => Tokenizer.fromFiles(vocab, 'a c\n', names)).toThrow(
      'tiny/merges.txt line 1: merging "a" and "c" gives "ac", which is not in tiny/vocab.json.',
    );
  });

  it('accepts CRLF line endings and the #version header', () => {
    const tok = Tokenizer.fromFiles(vocab, '#version: 0.2\r\na b\r\n');
    expect(tok.encode('ab')).toEqual([2]);
  });
});

describe('Tokenizer with the real GPT-2 vocabulary', () => {
  let gpt2: Tokenizer;
  let files: { vocabJson: string; mergesTxt: string };
  beforeAll(() => {
    files = rebuildGpt2Files();
    gpt2 = Tokenizer.fromFiles(files.vocabJson, files.mergesTxt);
  });

  it('has GPT-2 shape: 50,257 ids, 50,000 merges, <|endoftext|> last', () => {
    expect(gpt2.vocabSize).toBe(50257);
    expect(files.mergesTxt.split('\n').slice(1, -1)).toHaveLength(50000); // after the header, before the final newline
    expect(files.mergesTxt.startsWith('#version: 0.2\nĠ t\nĠ a\nh e\n')).toBe(true); // GPT-2's first merges
    expect(gpt2.idOf('<|endoftext|>')).toBe(50256);
    expect(gpt2.tokenString(262)).toBe('Ġthe');
  });

  it('encodes well-known GPT-2 examples', () => {
    expect(gpt2.encode('Hello world')).toEqual([15496, 995]);
    expect(gpt2.encode(' the')).toEqual([262]);
    expect(gpt2.encode('\n\n')).toEqual([628]);
  });

  const tricky = [
    ...fixture.split.map((c) => c.text).filter((t) => !/[\u0085\ufeff]/.test(t) && !t.includes('<|')),
    'The quick brown fox jumps over the lazy dog.',
    'antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis',
    '    def forward(self, x):\n        return x @ self.W  # (T, C)\n',
    'https://example.com/path?q=1&r=2#frag',
    'ÀÉÎÕÜ àéîõü ßæøå ĳ ﬁ',
    'a'.repeat(300),
    ' '.repeat(17) + 'x',
    '\u{10FFFF}\u{E000}\u{1F9D1}\u{200D}\u{1F4BB}',
    'Zalgo Z\u0351\u0352\u0353\u0354a\u0300\u0301\u0302l\u0303g\u0304o',
  ];
  it.each(tricky.map((t) => [JSON.stringify(t).slice(0, 60), t]))('matches gpt-tokenizer r50k on %s', (_, text) => {
    expect(gpt2.encode(text)).toEqual(r50kEncode(text));
  });

  // gpt-tokenizer uses JavaScript's \s, which differs from GPT-2's on U+0085 and U+FEFF
  // (the fixture covers those); everywhere else the two must agree.
  const sameWhitespace = (s: string) => !/[\u0085\ufeff]/.test(s);

  it('matches gpt-tokenizer r50k on arbitrary strings', () => {
    const texts = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: fc.constantFrom(' ', '\n', '\t', 'a', 'B', '1', "'", 's', '!', 'é', '😀', '\r'), maxLength: 40 }),
    );
    fc.assert(
      fc.property(texts.filter(sameWhitespace), (s) => {
        expect(gpt2.encode(s)).toEqual(r50kEncode(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any string of valid code points', () => {
    const texts = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-composite' }));
    fc.assert(
      fc.property(texts, (s) => gpt2.decode(gpt2.encode(s)) === s),
      { numRuns: 2000 },
    );
  });

  it('round-trips emoji, CJK, combining marks and lone whitespace', () => {
    for (const s of ['😀', '👩‍👩‍👧‍👦', '你好', 'e\u0301', ' ', '\t', '\r\n', '\n\n\n', '\u3000', '\u0085']) {
      expect(gpt2.decode(gpt2.encode(s))).toBe(s);
    }
  });

  it('joins token texts back into the text', () => {
    const text = 'Transformers are neat: attention mixes information across time.';
    const ids = gpt2.encode(text);
    expect(ids.map((id) => gpt2.tokenText(id)).join('')).toBe(text);
    expect(gpt2.tokenText(gpt2.idOf('Ġking')!)).toBe(' king');
  });
});
