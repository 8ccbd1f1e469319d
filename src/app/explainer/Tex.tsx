import { useMemo } from 'react';
import { parseProse } from '../../viz/prose';
import { useKatex } from './katexModule';

/**
 * KaTeX output is the only HTML injected anywhere: it is generated from math source, never from raw input.
 * Until KaTeX has loaded, the source holds the formula's place unseen (the `tex-pending` class), so the
 * text around it hardly moves when it is drawn.
 */
export function Tex(props: { tex: string; display?: boolean; className?: string; testId?: string }) {
  const katex = useKatex();
  const html = useMemo(
    () => katex?.renderToString(props.tex, { throwOnError: false, displayMode: props.display ?? false, output: 'htmlAndMathml' }) ?? null,
    [katex, props.tex, props.display],
  );
  const className = [props.className, html === null ? 'tex-pending' : null].filter(Boolean).join(' ') || undefined;
  if (html === null)
    return (
      <span className={className} data-testid={props.testId} data-tex-pending="">
        {props.tex}
      </span>
    );
  return <span className={className} data-testid={props.testId} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Chapter prose: plain text with $math$ and **bold**, rendered as React nodes. */
export function Prose(props: { text: string }) {
  const segments = useMemo(() => parseProse(props.text), [props.text]);
  return (
    <>
      {segments.map((s, i) => {
        const node = s.kind === 'math' ? <Tex key={i} tex={s.tex} /> : s.text;
        return s.bold ? <strong key={i}>{node}</strong> : <span key={i}>{node}</span>;
      })}
    </>
  );
}
