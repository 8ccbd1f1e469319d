import { useState } from 'react';
import { layoutVectorStrip } from '../../viz/lab/strip';
import { fmt } from '../../viz/format';
import { t, type Lang, type UiStrings } from '../i18n';

/** A vector as a strip of coloured cells; hover, tap or arrow keys read one component exactly. */
export function VectorStrip(props: { values: Float32Array; label: string; ui: UiStrings; lang: Lang }) {
  const [active, setActive] = useState<number | null>(null);
  const width = 640;
  const height = 28;
  const layout = layoutVectorStrip(props.values, width, height);
  const shown = active !== null && active < props.values.length ? active : null;
  const onKey = (e: React.KeyboardEvent) => {
    const n = props.values.length;
    if (e.key === 'ArrowRight') setActive(((shown ?? -1) + 1) % n);
    else if (e.key === 'ArrowLeft') setActive(((shown ?? n) - 1 + n) % n);
    else return;
    e.preventDefault();
  };
  return (
    <figure className="lab-strip">
      <figcaption>{props.label}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={props.label}
        tabIndex={0}
        onKeyDown={onKey}
        onFocus={() => setActive((a) => a ?? 0)}
        onPointerLeave={() => setActive(null)}
      >
        {layout.cells.map((c) => (
          <rect
            key={c.index}
            x={c.x}
            y={0}
            width={c.width + 0.5}
            height={height}
            fill={c.color}
            stroke={shown === c.index ? 'var(--ink)' : 'none'}
            onPointerEnter={() => setActive(c.index)}
            onPointerDown={() => setActive(c.index)}
          />
        ))}
      </svg>
      <p className="lab-readout num" aria-live="polite">
        {shown !== null ? t(props.ui, 'labComponent', props.lang, { i: shown, value: fmt(props.values[shown]) }) : props.ui.hoverHint}
      </p>
    </figure>
  );
}
