// The page's first load, in performance marks that `npm run first-load` (scripts/first-load.ts) reads:
// the model's files fetched, its weights read, its tokenizer built, and the page ready. The first
// pass has its own measure, and every committed pass its mark (PASS_MARK in usePass.ts).
export const LOAD_MARKS = {
  files: 'inside-gpt:files',
  weights: 'inside-gpt:weights',
  tokenizer: 'inside-gpt:tokenizer',
  firstPass: 'inside-gpt:first-pass',
  ready: 'inside-gpt:ready',
} as const;
