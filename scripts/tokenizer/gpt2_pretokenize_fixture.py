"""Write tests/fixtures/gpt2-pretokenize.json: what GPT-2's own Python code does with
tricky text, so the TypeScript tokenizer can be checked without Python in CI.

  - "split": regex.findall with the exact pattern from openai/gpt-2 encoder.py
  - "decode": bytes.decode("utf-8", errors="replace"), as Encoder.decode does

Run: python3 scripts/tokenizer/gpt2_pretokenize_fixture.py  (needs the `regex` package)
"""
import json
import pathlib

import regex

PAT = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")

TEXTS = [
    "Hello world",
    "  two leading spaces",
    "trailing spaces   ",
    "a  b   c    d",
    "line one\nline two\r\nline three\n\n\nend",
    "tabs\tand\t\tmore\t",
    " ",
    "   ",
    "\n",
    "\r\n",
    "",
    "I'm sure you've seen it; they'll say we'd re-read it. It's O'Neil's.",
    "SHOUTING'S DIFFERENT'LL 'RE",
    "'s 't 're 've 'm 'll 'd ''s",
    "numbers 123 4.56 7,890 1e10 -3 +4 ٣٤٥ ⅫⅦ ²³",
    "punctuation!!! ... ?!?! (parens) [brackets] {braces} <angle> @#$%^&*",
    "emoji 😀🎉 👩‍👩‍👧‍👦 🇫🇷 ❤️",
    "CJK 你好世界 こんにちは 안녕하세요",
    "combining: e\u0301 a\u0308 n\u0303 Z\u0351\u0352",
    "NEL\u0085between and BOM\ufeffinside",
    "a \u0085b",
    "end \u0085\u0085 ",
    "x\ufeff!? y",
    "\ufeff\ufeff hi",
    "info\u001cseparator\u001funit",
    "nbsp\u00a0here and ideographic\u3000space and thin\u2009space",
    "line\u2028sep para\u2029sep",
    "mixed 3rd 21st abc123def ab12 12ab",
    "Ωmega αβγ Привет мир",
    "\u00ad soft hyphen and \u200b zero width",
    " \n \n  x",
    "a\n b\n  c\n   ",
    "x  \n  y",
    "<|endoftext|> is just text here",
]

DECODE = [
    "68656c6c6f",  # hello
    "e282ac",  # euro sign
    "e282",  # truncated 3-byte sequence
    "ff",
    "c0af",  # overlong
    "eda080",  # encoded surrogate
    "f0808080",  # overlong 4-byte
    "f4908080",  # above U+10FFFF
    "f09f98",  # truncated emoji
    "61e2286162",  # bad continuation between ascii letters
    "80bf",  # lone continuations
    "efbfbd",  # real U+FFFD
]


def main():
    out = {
        "pattern": PAT.pattern,
        "split": [{"text": t, "chunks": PAT.findall(t)} for t in TEXTS],
        "decode": [{"hex": h, "text": bytes.fromhex(h).decode("utf-8", errors="replace")} for h in DECODE],
    }
    path = pathlib.Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "gpt2-pretokenize.json"
    path.write_text(json.dumps(out, ensure_ascii=True, indent=1) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
