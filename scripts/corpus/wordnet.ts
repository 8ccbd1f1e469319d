// Turns one line of a WordNet data.* file into plain sentences:
//   lemmas: definition. Example one. Example two.
// Line format (wndb(5)): offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [ptr]... | gloss
// The gloss is a definition followed by examples in double quotes, sometimes with an attribution.

// Adjective lemmas carry syntactic markers: (a) attributive, (p) predicative, (ip) immediately postnominal.
const ADJECTIVE_MARKER = /\((a|p|ip)\)$/;
// Connectives left dangling once the quoted examples are taken out: "undone; e.g." or "literary as in".
const DANGLING_LEAD_IN = /(\s*[;:,]?\s*(e\.g\.|i\.e\.|as in))+$/;
const QUOTED = /"([^"]*)"/g;
const ENDS_SENTENCE = /[.!?]$/;

export interface Synset {
  offset: string;
  lemmas: string[];
  definition: string;
  examples: string[];
}

// The data files open with the licence text, every line of it indented by two spaces.
export function isWordnetHeaderLine(line: string): boolean {
  return line.startsWith('  ');
}

export function lemmaToText(lemma: string): string {
  return lemma.replace(ADJECTIVE_MARKER, '').replace(/_/g, ' ');
}

function tidy(text: string): string {
  return text.replace(/`/g, "'").replace(/\s+/g, ' ').trim();
}

function asSentence(text: string): string {
  const first = text.charAt(0);
  const capitalised = first.toUpperCase() + text.slice(1);
  return ENDS_SENTENCE.test(capitalised) ? capitalised : `${capitalised}.`;
}

// `source` names the file and line in error messages.
export function parseSynset(line: string, source = 'WordNet line'): Synset {
  const bar = line.indexOf(' | ');
  if (bar < 0) throw new Error(`${source}: no " | " separating the synset fields from its gloss`);
  const fields = line.slice(0, bar).split(' ');
  const wordCount = Number.parseInt(fields[3] ?? '', 16);
  if (!/^\d{8}$/.test(fields[0]) || !/^[0-9a-f]{2}$/i.test(fields[3] ?? '') || fields.length < 4 + 2 * wordCount) {
    throw new Error(`${source}: expected "offset lex_filenum ss_type w_cnt word lex_id ...", got "${line.slice(0, 80)}"`);
  }
  const lemmas: string[] = [];
  for (let i = 0; i < wordCount; i++) {
    const lemma = lemmaToText(fields[4 + 2 * i]);
    if (!lemmas.includes(lemma)) lemmas.push(lemma);
  }
  const gloss = line.slice(bar + 3);
  const firstQuote = gloss.indexOf('"');
  const definitionPart = firstQuote < 0 ? gloss : gloss.slice(0, firstQuote);
  const definition = tidy(definitionPart)
    .replace(/[\s;:,]+$/, '')
    .replace(DANGLING_LEAD_IN, '')
    .replace(/[\s;:,]+$/, '');
  const examples = [...gloss.matchAll(QUOTED)].map((m) => tidy(m[1])).filter((e) => e !== '');
  return { offset: fields[0], lemmas, definition, examples };
}

export function synsetToText(synset: Synset): string {
  const head = synset.lemmas.join(', ');
  const definition = ENDS_SENTENCE.test(synset.definition) ? synset.definition : `${synset.definition}.`;
  return [`${head}: ${definition}`, ...synset.examples.map(asSentence)].join(' ');
}

// One data-file line -> one paragraph of sentences, or null for the licence header.
export function wordnetSynsetToSentence(line: string, source?: string): string | null {
  if (isWordnetHeaderLine(line) || line.trim() === '') return null;
  return synsetToText(parseSynset(line, source));
}
