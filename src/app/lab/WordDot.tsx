import { useMemo } from 'react';
import type { AppModel } from '../model/loadModel';
import { dotViews } from '../../viz/lab/dotGeometry';
import { fmt } from '../../viz/format';
import { useI18n } from '../i18n';
import { pairRows } from './PictureSection';
import { PairInput } from './PairInput';
import { useDotWords } from './state';

const WIDTH = 640;
const HEIGHT = 120;

/** The dot product of two real rows of wte: C bars of aᵢbᵢ whose sum is |a||b|cos θ. */
export function WordDot(props: { loaded: AppModel }) {
  const { loaded } = props;
  const { ui, lang, t } = useI18n();
  const [dotWords, setDotWords] = useDotWords();
  const pair = useMemo(() => pairRows(loaded, dotWords, ui, lang, null), [loaded, dotWords, ui, lang]);
  const rows = 'rows' in pair ? pair.rows : null;
  const views = useMemo(() => (rows ? dotViews(rows[0], rows[1]) : null), [rows]);
  const C = loaded.model.config.nEmbd;
  const max = views ? Math.max(1e-9, ...views.products.map(Math.abs)) : 1;
  const barW = WIDTH / C;
  const mid = HEIGHT / 2;
  return (
    <div className="lab-word-dot" data-testid="lab-word-dot">
      <h4>{ui.labWordDot}</h4>
      <PairInput label={ui.labWordDot} hideLegend joiner="·" pair={dotWords} onChange={setDotWords} />
      {'problems' in pair &&
        pair.problems.map((p) => (
          <p key={p} className="notice warn">
            {p}
          </p>
        ))}
      {views && (
        <>
          <p className="lab-hint">{t('labWordDotExplain', { C })}</p>
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="lab-bars" role="img" aria-label={ui.labWordDot}>
            <line x1={0} x2={WIDTH} y1={mid} y2={mid} className="lab-axis" />
            {views.products.map((p, i) => {
              const h = (Math.abs(p) / max) * (mid - 2);
              return (
                <rect
                  key={i}
                  x={i * barW + 0.5}
                  width={Math.max(0.5, barW - 1)}
                  y={p >= 0 ? mid - h : mid}
                  height={h}
                  className={p >= 0 ? 'pos' : 'neg'}
                >
                  <title>{`a${i}·b${i} = ${fmt(p)}`}</title>
                </rect>
              );
            })}
          </svg>
          {/* Two lines, not one joined by "·": in a demo of the dot product, "·" would read as a product. */}
          <p className="num">
            Σ aᵢbᵢ = <b>{fmt(views.sum, 3)}</b>
            <br />
            |a| |b| cos θ = {fmt(views.lengthA, 3)} × {fmt(views.lengthB, 3)} × cos {fmt((views.angle * 180) / Math.PI, 1)}° ={' '}
            <b>{fmt(views.geometric, 3)}</b>
          </p>
        </>
      )}
    </div>
  );
}
