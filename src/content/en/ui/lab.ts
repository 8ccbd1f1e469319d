import type { Strings } from '../../types';

// The embedding lab (src/app/lab).
const lab = {
  // The expression
  embeddingLab: 'Embedding lab',
  labIntro:
    'Vector arithmetic on this model’s own embedding matrix W_e: {V} rows (one per token) of {C} numbers each. Add and subtract rows, see which words lie nearest, and feed the result back into the model.',
  labExpressionLabel: 'Expression',
  labExpressionHint: 'Words joined by + and −, with optional numbers, e.g. king - man + woman or 2*queen - king.',
  labClickSign: 'A click adds the word with',
  labClickAdd: '+ (add)',
  labClickSubtract: '− (subtract)',
  labExamplesNote:
    'This small model gets these examples right. It gets many others wrong: paris − france + italy, for one, does not come out as rome.',
  labExamples: 'Examples',
  labLessonExample:
    'The lesson’s Italy + Hitler − Germany ≈ Mussolini cannot even be asked here: “Hitler” splits into {a} and “Mussolini” into {b}, so neither has a row of its own in W_e, and a search over whole-word rows has no Mussolini to find. German − Germany + France, above, is a step of the same kind that works.',
  labLessonExampleTry: 'Type the lesson’s example',
  // What can be wrong with an expression
  labErrEmpty: 'Type an expression, for example king - man + woman.',
  labErrEmptyWord: 'Type a word here.',
  labErrTooLong: 'The expression is longer than {limit} characters; please shorten it.',
  labErrTooManyTerms: 'At most {limit} words in one expression, please.',
  labErrUnexpected: 'The character “{char}” (position {pos}) cannot be used here: use words, numbers, +, − and *.',
  labErrExpectedWord: 'A word is missing at position {pos}, after the sign or number.',
  labErrExpectedOperator: 'Put + or − between two words (position {pos}).',
  labErrBadCoefficient: 'The number “{text}” is not usable: coefficients must lie between −{limit} and {limit}.',
  labErrNumberAfterWord:
    'Put the number before its word, as in 2*king: the multiplication sign at position {pos} comes after the word “{word}”.',
  labSplitWord:
    '“{word}” is not a single token in this vocabulary: it splits into {n} pieces, {pieces}. Only single tokens have a row of their own in W_e; try another word.',
  labSplitNotEnglish: 'This model learned its vocabulary from English text, so words in other scripts fall apart into bytes.',
  labRecased: 'Used “{form}” for “{word}”: “{word}” is not a single token here, “{form}” is.',
  labZeroVector: 'The terms cancel out: the result is the zero vector, which points nowhere, so no word is nearest to it.',
  labZeroVectorTinyOne:
    'The coefficient is zero, or too small for a computer to keep (it becomes 0): the result is the zero vector, which points nowhere, so no word is nearest to it.',
  labZeroVectorTinyAll:
    'Every coefficient is zero, or too small for a computer to keep (it becomes 0): the result is the zero vector, which points nowhere, so no word is nearest to it.',
  // The result and its nearest words
  labResultVector: 'The result vector ({C} components)',
  labComponent: 'component {i}',
  labNearestCosine: 'Nearest by cosine similarity',
  labNearestDot: 'Largest dot product',
  labDotExplain:
    'The dot product grows with a vector’s length as well as its direction, so long rows climb this list; cosine similarity divides the lengths out and compares directions only.',
  labIncludeInputs: 'Include the input words',
  labExcludeExplain:
    'The input words are left out by default: the result usually stays closest to one of its own inputs (king − man + woman is still nearest to king), which would hide the answer.',
  labWholeWordsOnly: 'Only tokens that start a word',
  labWholeWordsExplain:
    'These are the tokens that begin with a space and a letter: {n} of the {V}. Most are whole words, but some are the first piece of a longer word (“␣aftern” of afternoons).',
  labInputMark: 'input',
  labAddWord: 'Put “{word}” into the expression',
  labSentenceWords: 'Words of your sentence (click to add one):',
  // The picture
  labPicture: 'The picture',
  labAxesPca: 'Principal components',
  labAxesPairs: 'Chosen directions',
  labAxes: 'Axes',
  labPcaExplain:
    'Axes: the two directions in which these {n} vectors spread most (principal components). They show {share}% of the spread; the other dimensions are flattened, so distances are approximate.',
  labParallelExplain:
    'Dashed: the two sides that are the same vector. Going from {b} to {c} and going from {a} to the result is one and the same move, so the four points form a parallelogram, in any flat picture of them.',
  labNearestInput:
    'In all {C} dimensions the result is nearest to “{input}” itself (cosine similarity {ci}), one of its own words; of the other words “{best}” is nearest ({cb}). The flat picture keeps only part of these distances, so points that look close may not be.',
  labNearestWord:
    'In all {C} dimensions “{best}” is the word nearest to the result (cosine similarity {cb}). The flat picture keeps only part of the distances, so points that look close may not be.',
  labPairsExplain: 'Each axis measures how far a vector reaches along a direction from one word to another.',
  labHorizontal: 'Horizontal axis',
  labVertical: 'Vertical axis',
  labFrom: 'from',
  labTo: 'to',
  labDirectionSame: 'The two words of a direction must be different.',
  labAxisSame: 'The two words of an axis must be different.',
  labZoomHint:
    'Ctrl + scroll, or pinch on a touchpad, to zoom; drag to pan; or focus the picture and use + − and the arrow keys (0 resets). Hover or tap a point to read it.',
  labZoomHintTouch: 'Pinch to zoom and drag with two fingers to pan; one finger scrolls the page. Tap a point to read it.',
  labResetView: 'Reset view',
  labReplay: 'Replay the arrows',
  labPointInfo: '{word}: ({x}, {y})',
  // Directions
  labDirections: 'Directions',
  labDirectionIntro:
    'A direction is the difference of two words, such as woman − man. Every token’s row is projected onto it; these are the tokens at the two ends. An end is not always about the word that names it: in our small model the “woman” end of woman − man holds just one word about women, female, among words such as beef and sugar, and the “man” end holds man itself and no other male word.',
  labTowards: 'Furthest towards “{word}”',
  labMoveWord: 'Word to move',
  labAlpha: 'Steps s',
  labMoveExplain:
    'vector = {word} + s × ({to} − {from}), with s = {s}: each step adds the whole difference {to} − {from}, whose length is {len}.',
  labMovedNearest: 'Nearest to the moved vector',
  // The dot product
  labDotProduct: 'The dot product, two ways',
  labDotIntro:
    'Drag the tips of the arrows, or focus one and use the arrow keys. The algebra and the geometry always give the same number; it turns negative once the arrows point more than 90° apart.',
  labAlgebraic: 'Algebra: multiply matching components, then add',
  labGeometric: 'Geometry: lengths times the cosine of the angle',
  labDotPositive: 'Positive: they point roughly the same way.',
  labDotZero: 'Zero: they are at right angles.',
  labDotNoAngle: 'Zero, because at least one arrow has length zero: there is no angle between them.',
  labDotNegative: 'Negative: they point apart.',
  labVectorA: 'Arrow a',
  labVectorB: 'Arrow b',
  labWordDot: 'The same for two rows of W_e',
  labWordDotExplain: 'Each bar is one of the {C} products aᵢbᵢ; their sum equals |a| |b| cos θ.',
  // Feeding the result into the model
  labInjection: 'Feed the result into the model',
  labInjectExample:
    'Where the model can see the difference: in {text}, the {expr} vector put in place of ␣king makes ␣his and ␣he much less likely next, and ␣her more likely.',
  labInjectUseExample: 'Use that sentence (Back brings yours back)',
  labInjectIntro:
    'Replace the embedding of one token of your sentence with the result vector. The whole forward pass reruns; positions before it cannot change, because attention only looks back.',
  labInjectPosition: 'Token to replace',
  labInjectOff: 'Inject nowhere (off)',
  labInjectNote: 'Position {pos} (“{token}”) now carries {expr} instead of its own row.',
  labNoSentence: 'Type a sentence above to inject into it.',
  labNoResult: 'Write a valid expression first.',
  labBefore: 'Before',
  labAfter: 'After',
  labChange: 'Change (points)',
  // How big W_e is
  labScale: 'How big is W_e?',
  labScaleOurs: 'This model: {V} × {C} = {n} numbers.',
  labScaleGpt3: 'GPT-3: {V} × {C} = {n} numbers.',
  labScaleMeaning:
    'That is {ratio} times as many as this model’s W_e. GPT-3 gives each token {C} numbers; stored as 32-bit floats its embedding matrix alone takes {mb} MB, before a single layer.',
  // W_e before and after training
  weChangeTitle: 'What training did to W_e: the same analogies before and after',
  weChangeIntro:
    'W_e began as co-occurrence statistics alone (PPMI + SVD, before a single training step), and training then moved it. Each row asks both versions the same question: the nearest whole word by cosine similarity, the input words left out, and where the expected answer came. Pick a row to see its five nearest words on both sides.',
  weChangeBefore: 'W_e before training (co-occurrence only)',
  weChangeAfter: 'W_e as shipped (after training)',
  weChangeAnalogy: 'Analogy',
  weChangeRankFirst: '✓ as expected',
  weChangeRank: '{word}: rank {rank}',
  weChangeRankNone: '{word}: not in the top {n}',
  weChangeShowTop: 'Show the top {k} for {expression}',
  weChangeListsFor: 'The top {k} for {expression}',
  weChangeSummary: 'Expected answer first: {before} of {n} before training, {after} of {n} after.',
  weChangeLoading: 'Loading the rankings of W_e before training…',
  weChangeMissing:
    'The rankings of W_e before training ({file}) could not be loaded, so the column “before training” is empty ({detail}). The column for the shipped W_e is computed in your browser from the model itself and is complete.',
  weChangeMissingShort: 'Not available: the file did not load.',
  weChangeOtherModel:
    'This table compares the tiny model’s W_e before and after its training. {model} was not trained here and ships no record of its W_e before training, so there is nothing to compare; open the tiny model again to see it.',
  weChangeNotInFile: 'This analogy is not in the file of rankings before training.',
  weChangeSource:
    'Before training: ranked once from the training text ({tokens} tokens, co-occurrence window {window}, {dims} numbers per token) and shipped beside the model as {file}. After training: computed in your browser from the W_e it loaded, with the same code.',
};

export type LabStrings = Strings<typeof lab>;

export default lab as LabStrings;
