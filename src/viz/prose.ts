// Chapter prose is plain text with $…$ for KaTeX math and **…** for bold, nothing else.
// Parsing it into segments lets React render it without ever injecting the prose as HTML.

export type ProseSegment = { kind: 'text'; text: string; bold: boolean } | { kind: 'math'; tex: string; bold: boolean };

export function parseProse(source: string): ProseSegment[] {
  const segments: ProseSegment[] = [];
  let bold = false;
  const pieces = source.split('$');
  // An unmatched final $ is shown as a literal dollar sign rather than swallowing the rest as math.
  const closed = pieces.length % 2 === 1;
  pieces.forEach((piece, i) => {
    const isMath = i % 2 === 1 && (closed || i < pieces.length - 1);
    if (isMath) {
      if (piece) segments.push({ kind: 'math', tex: piece, bold });
      return;
    }
    const text = i % 2 === 1 ? `$${piece}` : piece;
    text.split('**').forEach((part, j) => {
      if (j > 0) bold = !bold;
      if (part) segments.push({ kind: 'text', text: part, bold });
    });
  });
  return segments;
}
