import { useMemo } from 'react';
import katex from 'katex';
import { parseProse } from '../../viz/prose';

/** KaTeX output is the only HTML injected anywhere: it is generated from math source, never from raw input. */
export function Tex(props: { tex: string; display?: boolean; className?: string; testId?: string }) {
  const html = useMemo(
    () => katex.renderToString(props.tex, { throwOnError: false, displayMode: props.display ?? false, output: 'htmlAndMathml' }),
    [props.tex, props.display],
  );
  return <span className={props.className} data-testid={props.testId} dangerouslySetInnerHTML={{ __html: html }} />;
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
