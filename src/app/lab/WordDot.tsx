import { useMemo } from 'react';
import type { AppModel } from '../model/loadModel';
import { dotViews } from '../../viz/lab/dotGeometry';
import { fmt } from '../../viz/format';
import { layoutProductColumns } from '../../viz/lab/productBars';
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
  const columns = useMemo(() => (views ? layoutProductColumns(views.products, WIDTH, HEIGHT) : null), [views]);
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
      {views && columns && (
        <>
          <p className="lab-hint">{t('labWordDotExplain', { C })}</p>
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="lab-bars" role="img" aria-label={ui.labWordDot}>
            <line x1={0} x2={WIDTH} y1={columns.mid} y2={columns.mid} className="lab-axis" />
            {columns.bars.map((bar, i) => (
              <rect key={i} x={bar.x} width={bar.width} y={bar.y} height={bar.height} className={bar.positive ? 'pos' : 'neg'}>
                <title>{`a${i}·b${i} = ${fmt(views.products[i])}`}</title>
              </rect>
            ))}
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
